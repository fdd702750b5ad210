package adr.core.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns tensors into the bytes of {@code tensors.bin} and back: values in c-order,
 * little-endian, in the array's own type. Only FLOAT and DOUBLE are stored, the types
 * ADR trains in; anything else would need its own byte layout.
 */
final class TensorCodec {
    private TensorCodec() {
    }

    /** Parses a manifest dtype; the message of the exception reads "unsupported dtype X". */
    static DataType dataType(String name) {
        if (name.equals(DataType.FLOAT.name())) {
            return DataType.FLOAT;
        }
        if (name.equals(DataType.DOUBLE.name())) {
            return DataType.DOUBLE;
        }
        throw new IllegalArgumentException("unsupported dtype " + name + " (only FLOAT and DOUBLE)");
    }

    static int width(DataType type) {
        return type == DataType.DOUBLE ? Double.BYTES : Float.BYTES;
    }

    static byte[] encode(INDArray a) {
        DataType type = dataType(a.dataType().name());
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(a.length() * width(type)))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (a.isEmpty()) {
            return bytes.array();
        }
        // A c-order copy flattened to a vector reads out in exactly the order we promise.
        INDArray flat = a.dup('c').reshape(a.length());
        if (type == DataType.DOUBLE) {
            bytes.asDoubleBuffer().put(flat.toDoubleVector());
        } else {
            bytes.asFloatBuffer().put(flat.toFloatVector());
        }
        return bytes.array();
    }

    static INDArray decode(byte[] raw, DataType type, long[] shape) {
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        if (raw.length == 0) {
            return Nd4j.create(type, shape);
        }
        INDArray flat;
        if (type == DataType.DOUBLE) {
            double[] v = new double[raw.length / Double.BYTES];
            bytes.asDoubleBuffer().get(v);
            flat = Nd4j.createFromArray(v);
        } else {
            float[] v = new float[raw.length / Float.BYTES];
            bytes.asFloatBuffer().get(v);
            flat = Nd4j.createFromArray(v);
        }
        return flat.reshape('c', shape);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

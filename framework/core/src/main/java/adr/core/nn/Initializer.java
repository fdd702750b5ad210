package adr.core.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** He (Kaiming) normal initialisation, drawn from a seeded stream so runs repeat. */
public final class Initializer {
    private Initializer() {
    }

    /** Normal(0, sqrt(2 / fanIn)) values in the given shape. */
    public static INDArray heNormal(SplittableRandom random, DataType type, long fanIn, long... shape) {
        double std = Math.sqrt(2.0 / fanIn);
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * std;
        }
        return Nd4j.create(values, shape, DataType.DOUBLE).castTo(type);
    }

    public static INDArray zeros(DataType type, long... shape) {
        return Nd4j.zeros(type, shape);
    }
}

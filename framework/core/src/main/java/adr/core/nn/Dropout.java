package adr.core.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout: in training each unit is kept with probability {@code 1 - rate}
 * and scaled by {@code 1 / (1 - rate)}; at evaluation it is the identity. Masks come
 * from the layer's own seeded stream so runs repeat.
 */
public final class Dropout implements Layer {
    private final String name;
    private final double rate;
    private final SplittableRandom random;
    private INDArray mask;

    public Dropout(String name, double rate, SplittableRandom random) {
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException(name + ": dropout rate must be in [0, 1), got " + rate);
        }
        this.name = name;
        this.rate = rate;
        this.random = random;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long[] outputShape(long[] in) {
        return in.clone();
    }

    /** The mask and the masked output, which the next layer keeps for its backward. */
    @Override
    public long keptFloats(long[] in) {
        return rate == 0 ? 0 : 2 * Layer.elements(in);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (!training || rate == 0) {
            mask = null;
            return x;
        }
        double scale = 1.0 / (1.0 - rate);
        double[] keep = new double[(int) x.length()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = random.nextDouble() >= rate ? scale : 0.0;
        }
        mask = Nd4j.create(keep, x.shape(), org.nd4j.linalg.api.buffer.DataType.DOUBLE).castTo(x.dataType());
        return x.mul(mask);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return mask == null ? gradOutput : gradOutput.mul(mask);
    }
}

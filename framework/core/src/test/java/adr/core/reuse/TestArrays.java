package adr.core.reuse;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded test data for the reuse kernel tests. */
final class TestArrays {
    private TestArrays() {
    }

    /** {@code n} standard normal values from {@code seed}. */
    static double[] gaussian(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    /** The values as a FLOAT array of {@code shape}. */
    static INDArray floats(double[] values, long... shape) {
        return Nd4j.create(values, shape, DataType.DOUBLE).castTo(DataType.FLOAT);
    }
}

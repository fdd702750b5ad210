package adr.core.nn;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference gradient checks in double precision, shared by the layer tests.
 *
 * <p>For a layer or network y = f(x, theta) the scalar objective is {@code L = sum(y .* R)}
 * for a fixed random R, so {@code dL/dy = R} and the analytic gradients are what
 * {@code backward(R)} returns (input) and writes (parameters). Each input and parameter
 * entry v is then perturbed in place and compared with the central difference
 * {@code (L(v + eps) - L(v - eps)) / (2 eps)}, eps = 1e-6. In double, truncation error is
 * O(eps^2) and rounding error about ulp(L) / eps; the objective is measured against the
 * unperturbed output ({@code sum((y - y0) .* R)}, same gradient) so that L stays near zero
 * and its ulp small. The comparison is {@code |a - n| / max(1e-8, |a| + |n|) < 1e-5}.
 *
 * <p>A check where every numeric derivative is zero would pass vacuously, so each checked
 * tensor must also have some derivative of visible size.
 */
final class GradientCheck {
    static final double EPS = 1e-6;
    static final double TOLERANCE = 1e-5;
    private static final double FLOOR = 1e-8;
    private static final double VISIBLE = 1e-3;

    /** What is differentiated; forward may modify its argument (ReLU does), so it always gets a copy. */
    record Subject(UnaryOperator<INDArray> forward, UnaryOperator<INDArray> backward, List<Parameter> parameters) {
    }

    private GradientCheck() {
    }

    /** A layer in training mode. */
    static Subject of(Layer layer) {
        return new Subject(x -> layer.forward(x, true), layer::backward, layer.parameters());
    }

    /** A whole network in training mode. */
    static Subject of(Network network) {
        return new Subject(x -> network.forward(x, true), network::backward, network.parameters());
    }

    /**
     * Checks the input gradient and every parameter gradient of {@code subject} at {@code input},
     * with {@code R} drawn from {@code seed}.
     */
    static void assertGradientsMatch(Subject subject, INDArray input, long seed) {
        INDArray x = input.dup('c');
        INDArray output = subject.forward().apply(x.dup());
        double[] baseline = values(output);
        INDArray r = gaussian(seed, output.shape());
        // null for a first layer built without an input gradient: then only parameters are checked
        INDArray gradInput = subject.backward().apply(r.dup());
        List<INDArray> gradParameters = subject.parameters().stream().map(p -> p.gradient().dup('c')).toList();

        double[] weights = values(r);
        DoubleSupplier objective = () -> {
            double[] y = values(subject.forward().apply(x.dup()));
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += (y[i] - baseline[i]) * weights[i];
            }
            return sum;
        };
        if (gradInput != null) {
            assertGradientMatches("input", x, gradInput.dup('c'), objective);
        }
        for (int i = 0; i < gradParameters.size(); i++) {
            Parameter p = subject.parameters().get(i);
            assertGradientMatches(p.name(), p.value(), gradParameters.get(i), objective);
        }
    }

    /**
     * Perturbs each entry of {@code values} in place (restoring it after) and compares the
     * central difference of {@code objective} with the matching entry of {@code analytic}.
     */
    static void assertGradientMatches(String name, INDArray values, INDArray analytic, DoubleSupplier objective) {
        if (!Arrays.equals(values.shape(), analytic.shape())) {
            throw new AssertionError(name + ": gradient shape " + Arrays.toString(analytic.shape())
                    + " differs from value shape " + Arrays.toString(values.shape()));
        }
        long[] shape = values.shape();
        double worstError = -1;
        String worst = "";
        double largest = 0;
        for (long flat = 0; flat < values.length(); flat++) {
            long[] at = cIndex(shape, flat);
            double original = values.getDouble(at);
            values.putScalar(at, original + EPS);
            double plus = objective.getAsDouble();
            values.putScalar(at, original - EPS);
            double minus = objective.getAsDouble();
            values.putScalar(at, original);
            double numeric = (plus - minus) / (2 * EPS);
            double exact = analytic.getDouble(at);
            double error = Math.abs(exact - numeric) / Math.max(FLOOR, Math.abs(exact) + Math.abs(numeric));
            largest = Math.max(largest, Math.abs(numeric));
            if (error > worstError) {
                worstError = error;
                worst = String.format("%s%s: analytic %.9g, numeric %.9g, relative error %.3g",
                        name, Arrays.toString(at), exact, numeric, error);
            }
        }
        if (worstError >= TOLERANCE) {
            throw new AssertionError("gradient mismatch at " + worst + " (tolerance " + TOLERANCE + ")");
        }
        if (largest < VISIBLE) {
            throw new AssertionError(name + ": every numeric derivative is below " + VISIBLE
                    + "; the check would be vacuous");
        }
    }

    /** Standard normal values in double precision. */
    static INDArray gaussian(long seed, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[count(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }

    /** Values whose magnitudes lie in [0.1, 1], random signs: safe for kinks at zero (ReLU). */
    static INDArray awayFromZero(long seed, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[count(shape)];
        for (int i = 0; i < values.length; i++) {
            double magnitude = 0.1 + 0.9 * random.nextDouble();
            values[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }

    /** A shuffled arithmetic sequence: all values differ by at least 0.01, so no max has a tie within eps. */
    static INDArray distinct(long seed, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[count(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = -1.0 + 0.01 * i;
        }
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }

    /** Every entry in row-major order, for exact comparisons ({@code INDArray.equals} has a tolerance). */
    static double[] values(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static int count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** The row-major multi-index of a flat position; used for both value and gradient so their orders never matter. */
    private static long[] cIndex(long[] shape, long flat) {
        long[] at = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            at[d] = flat % shape[d];
            flat /= shape[d];
        }
        return at;
    }
}

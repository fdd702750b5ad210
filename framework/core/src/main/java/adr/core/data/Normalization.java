package adr.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-channel standardisation, {@code (x - mean[c]) / std[c]}, fitted on the training set
 * only so the test set is scaled with statistics it did not contribute to.
 *
 * <p>The statistics are accumulated in double with two passes (mean, then squared
 * deviations): one pass with {@code E[x^2] - E[x]^2} loses digits when the spread is
 * small next to the mean. A constant channel gets std 1, so it is only centred rather
 * than divided by zero.
 */
public record Normalization(float[] mean, float[] std) {

    public Normalization {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("need one mean and one std per channel, got "
                    + mean.length + " and " + std.length);
        }
        for (float s : std) {
            if (!(s > 0) || Float.isInfinite(s)) {
                throw new IllegalArgumentException("std must be positive and finite, got " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Mean and standard deviation of each channel over every pixel of every training image. */
    public static Normalization fit(Dataset train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException(train.name() + ": cannot fit a normalization on no images");
        }
        int channels = train.channels();
        int plane = train.height() * train.width();
        float[] pixels = train.pixels();
        double[] sum = new double[channels];
        forEachPlane(train, (c, start) -> {
            double s = 0;
            for (int i = start; i < start + plane; i++) {
                s += pixels[i];
            }
            sum[c] += s;
        });
        double n = (double) train.size() * plane;
        double[] mean = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = sum[c] / n;
        }
        double[] squares = new double[channels];
        forEachPlane(train, (c, start) -> {
            double s = 0;
            for (int i = start; i < start + plane; i++) {
                double d = pixels[i] - mean[c];
                s += d * d;
            }
            squares[c] += s;
        });
        float[] meanOut = new float[channels];
        float[] stdOut = new float[channels];
        for (int c = 0; c < channels; c++) {
            double std = Math.sqrt(squares[c] / n);
            meanOut[c] = (float) mean[c];
            stdOut[c] = std > 1e-12 ? (float) std : 1f;
        }
        return new Normalization(meanOut, stdOut);
    }

    private interface PlaneVisitor {
        void visit(int channel, int start);
    }

    private static void forEachPlane(Dataset data, PlaneVisitor visitor) {
        int plane = data.height() * data.width();
        for (int image = 0; image < data.size(); image++) {
            for (int c = 0; c < data.channels(); c++) {
                visitor.visit(c, (image * data.channels() + c) * plane);
            }
        }
    }

    /** Number of channels this normalization expects. */
    public int channels() {
        return mean.length;
    }

    /** Standardises the first {@code images} CHW images of {@code batchPixels} in place. */
    public void apply(float[] batchPixels, int images, int channels, int pixelsPerChannel) {
        if (channels != mean.length) {
            throw new IllegalArgumentException("fitted on " + mean.length + " channels, applied to " + channels);
        }
        if ((long) images * channels * pixelsPerChannel > batchPixels.length) {
            throw new IllegalArgumentException(images + " images of " + channels + "x" + pixelsPerChannel
                    + " do not fit in " + batchPixels.length + " values");
        }
        for (int image = 0; image < images; image++) {
            for (int c = 0; c < channels; c++) {
                float m = mean[c];
                float inv = 1f / std[c];
                int start = (image * channels + c) * pixelsPerChannel;
                for (int i = start; i < start + pixelsPerChannel; i++) {
                    batchPixels[i] = (batchPixels[i] - m) * inv;
                }
            }
        }
    }

    /** A copy: the fitted statistics stay fixed for the life of a run. */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** A copy: the fitted statistics stay fixed for the life of a run. */
    @Override
    public float[] std() {
        return std.clone();
    }

    /** Compares the statistics, not the array identities a record would compare. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}

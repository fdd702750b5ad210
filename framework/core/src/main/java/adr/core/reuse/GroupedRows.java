package adr.core.reuse;

import adr.core.nn.ConvGeometry;
import adr.spi.clustering.SubVectors;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The unfolded input of one convolution step, stored group-major: {@code [G][N][L]}
 * floats, where row {@code n = (image, outY, outX)} is the neuron vector of one output
 * pixel and group {@code g} holds its columns {@code g*L .. g*L+L-1} (column order
 * channel, kernel row, kernel column; zero past {@code K}). Group-major keeps each
 * group's sub-vectors contiguous for the clustering plugin, and makes the hash
 * projection of every group one matrix product {@code [G*N x L] x [L x H]}.
 *
 * <p>The arrays are reused across steps while the shape stays the same.
 */
final class GroupedRows implements SubVectors {
    private final ConvGeometry geometry;
    private final int length;
    private final int groups;
    private float[] data = new float[0];
    /** The zero-padded input, kept across steps (padding > 0 only). */
    private float[] padded = new float[0];
    private float[] projections = new float[0];
    private final NativeBuffer nativeRows = new NativeBuffer();
    private final NativeBuffer nativeDirections = new NativeBuffer();
    private final NativeBuffer nativeProjections = new NativeBuffer();
    private int rows;

    GroupedRows(ConvGeometry geometry, int length) {
        this.geometry = geometry;
        this.length = length;
        this.groups = (geometry.rowLength() + length - 1) / length;
    }

    /** Unfolds an NCHW float input {@code [batch, C, H, W]} (given as its c-order values). */
    void unfold(float[] input, int batch, int height, int width) {
        int outH = geometry.outputSize(height);
        int outW = geometry.outputSize(width);
        rows = batch * outH * outW;
        int size = groups * rows * length;
        if (data.length != size) {
            data = new float[size];
        }
        int s = geometry.stride();
        int paddedW = geometry.paddedSize(width);
        int plane = geometry.paddedSize(height) * paddedW;
        float[] source = geometry.padding() == 0 ? input : paddedInput(input, batch, height, width, paddedW, plane);
        int[] offsets = columnOffsets(plane, paddedW);
        int channels = geometry.inChannels();
        int rowLength = geometry.rowLength();
        // parallel over (group, image) pairs, so that a layer with one group uses every core too
        IntStream.range(0, groups * batch).parallel().forEach(task -> {
            int g = task / batch;
            int b = task % batch;
            int first = g * length;
            int real = Math.min(length, rowLength - first);
            int at = (g * rows + b * outH * outW) * length;
            int image = b * channels * plane;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0, corner = image + oy * s * paddedW; ox < outW; ox++, corner += s, at += length) {
                    // no bounds checks: the padded copy holds the zeros the kernel window reaches
                    for (int j = 0; j < real; j++) {
                        data[at + j] = source[corner + offsets[first + j]];
                    }
                    for (int j = real; j < length; j++) {
                        data[at + j] = 0f;
                    }
                }
            }
        });
    }

    /**
     * The input with {@code padding} zeros around every plane, in a buffer kept across
     * steps: its border is never written, so it stays zero.
     */
    private float[] paddedInput(float[] input, int batch, int height, int width, int paddedW, int plane) {
        int p = geometry.padding();
        int planes = batch * geometry.inChannels();
        if (padded.length != planes * plane) {
            padded = new float[planes * plane];
        }
        float[] out = padded;
        IntStream.range(0, planes).parallel().forEach(i -> {
            for (int y = 0; y < height; y++) {
                System.arraycopy(input, (i * height + y) * width, out, i * plane + (y + p) * paddedW + p, width);
            }
        });
        return out;
    }

    /**
     * For each real column: its offset from the window's corner in a (padded) image of this
     * plane size. {@code K} ints per step, next to the {@code N x K} floats unfolded.
     */
    private int[] columnOffsets(int plane, int paddedW) {
        int[] offsets = new int[geometry.rowLength()];
        int k = geometry.kernel();
        for (int col = 0; col < offsets.length; col++) {
            // column order: channel, kernel row, kernel column
            offsets[col] = col / (k * k) * plane + col / k % k * paddedW + col % k;
        }
        return offsets;
    }

    float[] data() {
        return data;
    }

    /** Whether the last group is zero-padded because {@code L} does not divide {@code K}. */
    boolean padded() {
        return groups * length != geometry.rowLength();
    }

    @Override
    public int groups() {
        return groups;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public FloatBuffer group(int g) {
        return FloatBuffer.wrap(data, g * rows * length, rows * length).slice().asReadOnlyBuffer();
    }

    /** Frees the native copies now (see {@link NativeBuffer#release}); the next projection allocates them again. */
    void releaseNative() {
        nativeRows.release();
        nativeDirections.release();
        nativeProjections.release();
    }

    /** Whether any native copy is held. */
    boolean holdsNative() {
        return nativeRows.holds() || nativeDirections.holds() || nativeProjections.holds();
    }

    @Override
    public FloatBuffer project(float[] directions, int count) {
        if (directions.length != length * count) {
            throw new IllegalArgumentException("directions must be L x count = " + length + " x " + count);
        }
        INDArray x = nativeRows.put(data, (long) groups * rows, length);
        INDArray r = nativeDirections.put(directions, length, count);
        INDArray out = nativeProjections.shaped((long) groups * rows, count);
        Nd4j.gemm(x, r, out, false, false, 1.0, 0.0);
        projections = NativeBuffer.read(out, projections);
        return FloatBuffer.wrap(projections).asReadOnlyBuffer();
    }
}

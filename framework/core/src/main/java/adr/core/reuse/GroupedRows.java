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
    /** For each column k < G*L: input channel, kernel row, kernel column; channel -1 = padding. */
    private final int[] channelOf;
    private final int[] rowOf;
    private final int[] colOf;
    private float[] data = new float[0];
    private float[] projections = new float[0];
    private final NativeBuffer nativeRows = new NativeBuffer();
    private final NativeBuffer nativeDirections = new NativeBuffer();
    private final NativeBuffer nativeProjections = new NativeBuffer();
    private int rows;

    GroupedRows(ConvGeometry geometry, int length) {
        this.geometry = geometry;
        this.length = length;
        this.groups = (geometry.rowLength() + length - 1) / length;
        int padded = groups * length;
        int k = geometry.kernel();
        channelOf = new int[padded];
        rowOf = new int[padded];
        colOf = new int[padded];
        for (int col = 0; col < padded; col++) {
            boolean real = col < geometry.rowLength();
            channelOf[col] = real ? col / (k * k) : -1;
            rowOf[col] = real ? col / k % k : 0;
            colOf[col] = real ? col % k : 0;
        }
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
        int p = geometry.padding();
        int channels = geometry.inChannels();
        // parallel over (group, image) pairs, so that a layer with one group uses every core too
        IntStream.range(0, groups * batch).parallel().forEach(task -> {
            int g = task / batch;
            int b = task % batch;
            int at = (g * rows + b * outH * outW) * length;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    for (int j = 0, col = g * length; j < length; j++, col++) {
                        int c = channelOf[col];
                        int iy = oy * s - p + rowOf[col];
                        int ix = ox * s - p + colOf[col];
                        boolean inside = c >= 0 && iy >= 0 && iy < height && ix >= 0 && ix < width;
                        data[at++] = inside ? input[((b * channels + c) * height + iy) * width + ix] : 0f;
                    }
                }
            }
        });
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

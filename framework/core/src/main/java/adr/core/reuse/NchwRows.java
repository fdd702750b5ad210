package adr.core.reuse;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * Transposes between NCHW tensors {@code [batch, M, pixels]} and the reuse tables' rows
 * {@code [N][M]} ({@code N = batch x pixels}), one image per task. Both walk a block of
 * {@link #BLOCK} pixels at a time, so every channel's reads or writes are runs of
 * {@code BLOCK} contiguous floats instead of one cache line each.
 */
final class NchwRows {
    /** Pixels per block. */
    static final int BLOCK = 32;

    private NchwRows() {
    }

    /** The NCHW tensor {@code planes} as rows, into {@code reuse} when it has the size. */
    static float[] toRows(float[] planes, int batch, int m, int pixels, float[] reuse) {
        float[] rows = reuse != null && reuse.length == batch * pixels * m ? reuse : new float[batch * pixels * m];
        IntStream.range(0, batch).parallel().forEach(b -> {
            for (int p0 = 0; p0 < pixels; p0 += BLOCK) {
                int width = Math.min(BLOCK, pixels - p0);
                for (int o = 0; o < m; o++) {
                    int from = (b * m + o) * pixels + p0;
                    for (int q = 0, to = (b * pixels + p0) * m + o; q < width; q++, to += m) {
                        rows[to] = planes[from + q];
                    }
                }
            }
        });
        return rows;
    }

    /**
     * Rows {@code [N][M]} written into the NCHW buffer {@code out}, one image's planes per
     * bulk put, each image transposed in its slice's {@code scratch} array.
     */
    static void toPlanes(float[] rows, int batch, int m, int pixels, FloatBuffer out, WorkerScratch scratch) {
        scratch.forEachSlice(batch, (slice, first, end) -> {
            float[] image = scratch.array(slice, m * pixels);
            for (int b = first; b < end; b++) {
                for (int p0 = 0; p0 < pixels; p0 += BLOCK) {
                    int width = Math.min(BLOCK, pixels - p0);
                    for (int o = 0; o < m; o++) {
                        for (int q = 0, from = (b * pixels + p0) * m + o; q < width; q++, from += m) {
                            image[o * pixels + p0 + q] = rows[from];
                        }
                    }
                }
                out.put(b * m * pixels, image, 0, m * pixels);
            }
        });
    }
}

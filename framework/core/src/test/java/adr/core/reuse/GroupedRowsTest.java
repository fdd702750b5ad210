package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.nn.ConvGeometry;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupedRowsTest {

    @ParameterizedTest(name = "C={0} k={1} stride {2} padding {3} L={4}")
    @CsvSource({"3, 5, 1, 2, 25", "3, 5, 1, 2, 7", "2, 3, 2, 1, 4", "4, 3, 1, 0, 9", "1, 5, 2, 2, 25"})
    void matchesANaiveUnfoldStepAfterStep(int channels, int kernel, int stride, int padding, int length) {
        ConvGeometry g = new ConvGeometry(channels, 4, kernel, stride, padding);
        GroupedRows rows = new GroupedRows(g, length);
        Random random = new Random(5);
        for (int step = 0; step < 2; step++) {
            // the second step reuses the buffers with other values
            int batch = 2;
            int height = 7;
            int width = 6;
            float[] input = new float[batch * channels * height * width];
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) random.nextGaussian();
            }

            rows.unfold(input, batch, height, width);

            assertThat(rows.data()).as("step " + step).containsExactly(naive(g, length, input, batch, height, width));
        }
    }

    /** {@code [G][N][L]}, one bounds-checked lookup per value. */
    private static float[] naive(ConvGeometry g, int length, float[] input, int batch, int height, int width) {
        int k = g.kernel();
        int outH = g.outputSize(height);
        int outW = g.outputSize(width);
        int rows = batch * outH * outW;
        int groups = (g.rowLength() + length - 1) / length;
        float[] out = new float[groups * rows * length];
        for (int col = 0; col < groups * length; col++) {
            int grp = col / length;
            for (int b = 0, row = 0; b < batch; b++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++, row++) {
                        int c = col / (k * k);
                        int iy = oy * g.stride() - g.padding() + col / k % k;
                        int ix = ox * g.stride() - g.padding() + col % k;
                        boolean inside = col < g.rowLength() && iy >= 0 && iy < height && ix >= 0 && ix < width;
                        out[(grp * rows + row) * length + col % length] = inside
                                ? input[((b * g.inChannels() + c) * height + iy) * width + ix] : 0f;
                    }
                }
            }
        }
        return out;
    }
}

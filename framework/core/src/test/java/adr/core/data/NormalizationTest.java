package adr.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void fittedNormalizationGivesZeroMeanAndUnitStdPerChannel() {
        Dataset data = DataFixtures.randomDataset(50, 3, 5, 4, 7);
        // Give the channels different ranges so a mix-up between channels would show.
        float[] pixels = data.pixels().clone();
        int plane = 20;
        for (int i = 0; i < pixels.length; i++) {
            int channel = (i / plane) % 3;
            pixels[i] = pixels[i] * (channel + 1) * 0.3f + channel * 0.1f;
        }

        Normalization norm = Normalization.fit(new Dataset("scaled", 3, 5, 4, 10, pixels, data.labels()));
        norm.apply(pixels, 50, 3, plane);

        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            for (int image = 0; image < 50; image++) {
                for (int p = 0; p < plane; p++) {
                    double v = pixels[(image * 3 + c) * plane + p];
                    sum += v;
                    squares += v * v;
                }
            }
            double mean = sum / (50 * plane);
            assertThat(mean).isCloseTo(0, within(1e-5));
            assertThat(Math.sqrt(squares / (50 * plane) - mean * mean)).isCloseTo(1, within(1e-4));
        }
    }

    @Test
    void constantChannelIsOnlyCentred() {
        float[] pixels = new float[2 * 4];
        java.util.Arrays.fill(pixels, 0.25f);
        Normalization norm = Normalization.fit(new Dataset("flat", 1, 2, 2, 1, pixels, new int[2]));

        assertThat(norm.std()).containsExactly(1f);
        norm.apply(pixels, 2, 1, 4);
        assertThat(pixels).containsOnly(0f);
    }

    @Test
    void statisticsCannotBeChangedFromOutside() {
        float[] mean = {0.5f};
        Normalization norm = new Normalization(mean, new float[] {2f});
        mean[0] = 9f;
        norm.mean()[0] = 9f;

        assertThat(norm).isEqualTo(new Normalization(new float[] {0.5f}, new float[] {2f}));
    }
}

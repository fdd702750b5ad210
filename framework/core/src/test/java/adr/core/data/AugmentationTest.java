package adr.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final int C = 2;
    private static final int H = 5;
    private static final int W = 6;

    /** Distinct non-zero values, so a pixel's origin can be told from its value. */
    private static float[] distinctImages(int images) {
        float[] pixels = new float[images * C * H * W];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i + 1;
        }
        return pixels;
    }

    private static float at(float[] pixels, int image, int c, int y, int x) {
        return pixels[((image * C + c) * H + y) * W + x];
    }

    @Test
    void noneChangesNothing() {
        float[] pixels = distinctImages(3);
        Augmentation.NONE.apply(pixels, 3, C, H, W, null);

        assertThat(Augmentation.NONE.enabled()).isFalse();
        assertThat(pixels).containsExactly(distinctImages(3));
    }

    @Test
    void flipWithoutPaddingIsAnExactMirrorOrTheIdentity() {
        int images = 64;
        float[] original = distinctImages(images);
        float[] pixels = original.clone();

        new Augmentation(0, true).apply(pixels, images, C, H, W, new SplittableRandom(3));

        int flipped = 0;
        for (int i = 0; i < images; i++) {
            boolean mirrored = at(pixels, i, 0, 0, 0) == at(original, i, 0, 0, W - 1);
            flipped += mirrored ? 1 : 0;
            for (int c = 0; c < C; c++) {
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int sx = mirrored ? W - 1 - x : x;
                        assertThat(at(pixels, i, c, y, x)).isEqualTo(at(original, i, c, y, sx));
                    }
                }
            }
        }
        // Probability 0.5 each: 64 images all one way would mean the coin is broken.
        assertThat(flipped).isBetween(10, 54);
    }

    @Test
    void cropShiftsTheImageAndFillsWithZeros() {
        int images = 200;
        int padding = 2;
        float[] original = distinctImages(images);
        float[] pixels = original.clone();

        new Augmentation(padding, false).apply(pixels, images, C, H, W, new SplittableRandom(5));

        Set<String> shiftsSeen = new HashSet<>();
        for (int i = 0; i < images; i++) {
            String shift = matchingShift(original, pixels, i, padding);
            assertThat(shift).as("image %d is some shift of the original", i).isNotNull();
            shiftsSeen.add(shift);
        }
        // 25 possible shifts, 200 draws: all should turn up.
        assertThat(shiftsSeen).hasSize((2 * padding + 1) * (2 * padding + 1));
    }

    /** The {@code (dy, dx)} with {@code out[y][x] = in[y+dy][x+dx]} (zero outside), or null. */
    private static String matchingShift(float[] original, float[] pixels, int image, int padding) {
        for (int dy = -padding; dy <= padding; dy++) {
            for (int dx = -padding; dx <= padding; dx++) {
                if (isShift(original, pixels, image, dy, dx)) {
                    return dy + "," + dx;
                }
            }
        }
        return null;
    }

    private static boolean isShift(float[] original, float[] pixels, int image, int dy, int dx) {
        for (int c = 0; c < C; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int sy = y + dy;
                    int sx = x + dx;
                    boolean inside = sy >= 0 && sy < H && sx >= 0 && sx < W;
                    float expected = inside ? at(original, image, c, sy, sx) : 0f;
                    if (at(pixels, image, c, y, x) != expected) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void sameSeedGivesSameAugmentation() {
        Augmentation aug = new Augmentation(2, true);
        float[] a = distinctImages(10);
        float[] b = distinctImages(10);

        aug.apply(a, 10, C, H, W, new SplittableRandom(11));
        aug.apply(b, 10, C, H, W, new SplittableRandom(11));

        assertThat(a).containsExactly(b);
    }
}

package adr.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class BatchesTest {
    private static final int N = 103;

    /** Image {@code i} is 1x2x2 with every pixel {@code i / 256}, exact in float, so it can be identified. */
    private static Dataset indexed() {
        float[] pixels = new float[N * 4];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            java.util.Arrays.fill(pixels, i * 4, i * 4 + 4, i / 256f);
            labels[i] = i % 10;
        }
        return new Dataset("indexed", 1, 2, 2, 10, pixels, labels);
    }

    /** The dataset indices in the order the batches visit them, checking each batch on the way. */
    private static List<Integer> visit(Batches batches, int batchSize) {
        List<Integer> seen = new ArrayList<>();
        for (Batch batch : batches) {
            assertThat(batch.images().dataType()).isEqualTo(DataType.FLOAT);
            assertThat(batch.images().ordering()).isEqualTo('c');
            assertThat(batch.images().shape()).containsExactly(batch.size(), 1, 2, 2);
            assertThat(batch.size()).isLessThanOrEqualTo(batchSize);
            float[] values = batch.images().data().asFloat();
            for (int k = 0; k < batch.size(); k++) {
                int index = Math.round(values[k * 4] * 256);
                assertThat(values[k * 4 + 3]).isEqualTo(index / 256f);
                assertThat(batch.labels()[k]).isEqualTo(index % 10);
                assertThat(batch.samples()[k]).as("dataset index of image %d", k)
                        .isEqualTo(index);
                seen.add(index);
            }
        }
        return seen;
    }

    @Test
    void withoutShuffleKeepsDatasetOrderWithPartialLastBatch() {
        Batches batches = new Batches(indexed(), 10, null, Augmentation.NONE, null, null);

        assertThat(batches.count()).isEqualTo(11);
        List<Integer> seen = visit(batches, 10);
        assertThat(seen).hasSize(N);
        for (int i = 0; i < N; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void shuffledPassCoversEveryIndexExactlyOnce() {
        Batches batches = new Batches(indexed(), 16, new SplittableRandom(1), Augmentation.NONE, null, null);

        List<Integer> seen = visit(batches, 16);

        assertThat(batches.count()).isEqualTo(7);
        assertThat(seen).hasSize(N).doesNotHaveDuplicates();
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(visit(new Batches(indexed(), 16, null, null, null, null), 16));
        assertThat(seen).isNotEqualTo(visit(new Batches(indexed(), 16, null, null, null, null), 16));
        // The order is fixed per object: a second pass over it visits the same sequence.
        assertThat(visit(batches, 16)).isEqualTo(seen);
    }

    @Test
    void sameSeedGivesSameOrderAndNextEpochDiffers() {
        SplittableRandom first = new SplittableRandom(42);
        SplittableRandom second = new SplittableRandom(42);

        List<Integer> a = visit(new Batches(indexed(), 8, first, null, null, null), 8);
        List<Integer> b = visit(new Batches(indexed(), 8, second, null, null, null), 8);
        List<Integer> nextEpoch = visit(new Batches(indexed(), 8, first, null, null, null), 8);

        assertThat(a).isEqualTo(b);
        assertThat(nextEpoch).isNotEqualTo(a).containsExactlyInAnyOrderElementsOf(a);
    }

    @Test
    void appliesAugmentationThenNormalization() {
        Dataset data = DataFixtures.randomDataset(20, 3, 4, 4, 9);
        Normalization norm = Normalization.fit(data);
        Augmentation flip = new Augmentation(0, true);

        List<float[]> produced = new ArrayList<>();
        for (Batch batch : new Batches(data, 6, null, flip, new SplittableRandom(4), norm)) {
            produced.add(batch.images().data().asFloat());
        }

        // The same steps by hand, drawing the flips from the same stream in the same order.
        SplittableRandom random = new SplittableRandom(4);
        int length = data.sampleLength();
        for (int b = 0; b < produced.size(); b++) {
            int size = Math.min(6, 20 - b * 6);
            float[] expected = java.util.Arrays.copyOfRange(data.pixels(), b * 6 * length, (b * 6 + size) * length);
            flip.apply(expected, size, 3, 4, 4, random);
            norm.apply(expected, size, 3, 16);
            assertThat(produced.get(b)).containsExactly(expected);
        }
    }
}

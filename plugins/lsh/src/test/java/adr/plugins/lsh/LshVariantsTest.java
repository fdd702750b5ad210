package adr.plugins.lsh;

import static adr.plugins.lsh.LshTesting.cluster;
import static adr.plugins.lsh.LshTesting.create;
import static org.assertj.core.api.Assertions.assertThat;

import adr.spi.clustering.ArraySubVectors;
import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringQuality;
import adr.spi.reuse.ReuseSetting;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What distinguishes the two variants, and the sign variant against an exact reference. */
class LshVariantsTest {

    /** One group: rows {@code 0..n-1} are random x, rows {@code n..2n-1} are {@code factor * x}. */
    private static ArraySubVectors scaledPairs(int n, int length, float factor, long seed) {
        Random random = new Random(seed);
        float[] data = new float[2 * n * length];
        for (int i = 0; i < n * length; i++) {
            data[i] = (float) random.nextGaussian();
            data[n * length + i] = factor * data[i];
        }
        return new ArraySubVectors(1, 2 * n, length, data);
    }

    @Test
    void signPutsXAndTwiceXInOneBucket() {
        ArraySubVectors input = scaledPairs(50, 16, 2, 1);

        Assignments out = cluster(create("sign", 1, new ReuseSetting(16, 8), 7), input);

        for (int r = 0; r < 50; r++) {
            assertThat(out.ids(0)[50 + r]).as("2x of row %d", r).isEqualTo(out.ids(0)[r]);
        }
    }

    @Test
    void quantizedSeparatesVeryDifferentNorms() {
        ArraySubVectors input = scaledPairs(50, 16, 10, 1);

        Assignments out = cluster(create("quantized", 1, new ReuseSetting(16, 8), 7), input);

        for (int r = 0; r < 50; r++) {
            assertThat(out.ids(0)[50 + r]).as("10x of row %d", r).isNotEqualTo(out.ids(0)[r]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sign", "quantized"})
    void hashBitsBoundTheClustersAtTwoToTheH(String variant) {
        ArraySubVectors input = ArraySubVectors.random(3, 2000, 8, 5);
        for (int bits = 1; bits <= 8; bits++) {
            Assignments out = cluster(create(variant, 3, new ReuseSetting(8, bits), bits), input);
            for (int g = 0; g < 3; g++) {
                assertThat(out.count(g)).as("group %d at H=%d", g, bits).isBetween(1, 1 << bits);
            }
            assertThat(ClusteringQuality.compactnessViolation(out, 3, 2000)).isNull();
        }
    }

    /** Direct lookup (H at most 16) and the hashed table (H above 16) against a plain map of codes. */
    @ParameterizedTest
    @ValueSource(ints = {6, 16, 20, 30})
    void signClustersAreExactlyTheEqualCodes(int bits) {
        LshTesting.Recording input = new LshTesting.Recording(ArraySubVectors.random(2, 3000, 4, 9));

        Assignments out = cluster(create("sign", 2, new ReuseSetting(4, bits), 3), input);

        FloatBuffer projections = input.project(input.directions, bits);
        for (int g = 0; g < 2; g++) {
            Map<Integer, Integer> idOfCode = new HashMap<>();
            for (int r = 0; r < 3000; r++) {
                int code = 0;
                for (int h = 0; h < bits; h++) {
                    code |= (projections.get((g * 3000 + r) * bits + h) > 0 ? 1 : 0) << h;
                }
                int expected = idOfCode.computeIfAbsent(code, c -> idOfCode.size());
                assertThat(out.ids(g)[r]).as("group %d row %d (first-seen order)", g, r).isEqualTo(expected);
            }
            assertThat(out.count(g)).isEqualTo(idOfCode.size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sign", "quantized"})
    void parallelGroupsGiveWhatEachGroupGetsAlone(String variant) {
        int groups = 4;
        int rows = 5000;
        ReuseSetting setting = new ReuseSetting(8, 10);
        assertThat((long) groups * rows * setting.hashBits()).isGreaterThan(LshClustering.PARALLEL_THRESHOLD);
        ArraySubVectors input = ArraySubVectors.blobs(groups, rows, 8, 40, 0.1, 2);

        Assignments all = cluster(create(variant, groups, setting, 11), input);

        for (int g = 0; g < groups; g++) {
            float[] data = new float[rows * 8];
            input.group(g).get(data);
            Assignments alone = cluster(create(variant, 1, setting, 11), new ArraySubVectors(1, rows, 8, data));
            assertThat(all.count(g)).as("count of group %d", g).isEqualTo(alone.count(0));
            assertThat(all.ids(g)).as("ids of group %d", g).containsExactly(alone.ids(0));
        }
    }

    @Test
    void oneBatchedProjectionPerCall() {
        ArraySubVectors input = ArraySubVectors.random(5, 100, 8, 1);
        var algorithm = create("quantized", 5, new ReuseSetting(8, 6), 1);

        cluster(algorithm, input);
        cluster(algorithm, input);

        assertThat(input.projectCalls()).isEqualTo(2);
    }
}

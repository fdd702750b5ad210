package adr.spi.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract every {@link ClusteringAlgorithm} keeps, as tests an implementation's
 * suite inherits by extending this class in a few lines:
 *
 * <pre>{@code
 * class MyClusteringContractTest extends ClusteringAlgorithmContract {
 *     protected ClusteringFactory factory() { return new MyFactory(); }
 *     protected double qualityBound() { return 0.05; } // measured, with a little margin
 * }
 * }</pre>
 *
 * <p>Checked: ids are compact and at most {@link ReuseSetting#maxClusters} per group;
 * the same seed and input give the same result; identical sub-vectors share a cluster;
 * on well-separated blobs the mean relative error stays within the implementation's
 * stated bound (beside the exact nearest-center reference); and a stateless algorithm
 * gives the same result whatever it was called with before. An algorithm with
 * {@link StableBucketKeys} also keeps that contract: its clusters are its keys numbered in
 * first-seen order, and a row's key does not depend on the batch around it. Algorithms are
 * always built through the factory, from {@link #config()}.
 */
public abstract class ClusteringAlgorithmContract {
    /** The quality fixture: 8 centers, spread 0.02, {@code L=16}, {@code H=8}. */
    protected static final int QUALITY_CENTERS = 8;
    protected static final double QUALITY_SPREAD = 0.02;
    protected static final ReuseSetting QUALITY_SETTING = new ReuseSetting(16, 8);

    private static final long SEED = 0x5EED_AD7L;

    /** The factory under test. */
    protected abstract ClusteringFactory factory();

    /** The configuration the algorithms are built with: the factory's defaults unless overridden. */
    protected Config config() {
        return Config.defaults(factory().configKeys());
    }

    /**
     * The implementation's stated bound on the mean relative error
     * {@code ||x - centroid(x)|| / ||x||} over all rows of a blobs fixture
     * ({@link ArraySubVectors#blobs}: 4 groups of 1024 rows, {@value #QUALITY_CENTERS}
     * centers, spread {@value #QUALITY_SPREAD}) at {@link #QUALITY_SETTING}. The exact
     * nearest-center reference gets about the spread.
     */
    protected abstract double qualityBound();

    /** True if the algorithm carries state from one call to the next (warm starts). */
    protected boolean warmStarts() {
        return false;
    }

    /** A fresh algorithm from {@link #factory()} for sub-vectors of {@code groups} groups. */
    protected ClusteringAlgorithm create(int groups, ReuseSetting setting, long seed) {
        LayerShape layer = new LayerShape("contract", groups * setting.subVectorLength(), 8, 1, 1, 0);
        return factory().create(layer, setting, config(), seed);
    }

    /** Clusters {@code input} into fresh assignments. */
    protected static Assignments cluster(ClusteringAlgorithm algorithm, SubVectors input) {
        Assignments out = new Assignments(input.groups(), input.rows());
        algorithm.cluster(input, out);
        return out;
    }

    @ParameterizedTest(name = "L={0}, H={1}")
    @CsvSource({"4,1", "4,4", "4,10", "4,16", "16,1", "16,4", "16,10", "16,16", "25,1", "25,4", "25,10",
        "25,16"})
    public void idsAreCompactAndWithinTheClusterBound(int length, int hashBits) {
        ReuseSetting setting = new ReuseSetting(length, hashBits);
        ArraySubVectors input = ArraySubVectors.random(2, 1500, length, SEED + length * 31L + hashBits);

        Assignments out = cluster(create(2, setting, SEED), input);

        assertThat(ClusteringQuality.compactnessViolation(out, 2, 1500)).as("compact ids at %s", setting).isNull();
        for (int g = 0; g < 2; g++) {
            assertThat(out.count(g)).as("clusters of group %d at %s", g, setting)
                    .isBetween(1, setting.maxClusters(1500));
        }
    }

    @Test
    public void sameSeedAndInputGiveIdenticalAssignments() {
        ReuseSetting setting = new ReuseSetting(16, 6);
        List<ArraySubVectors> steps = List.of(ArraySubVectors.random(3, 800, 16, SEED),
                ArraySubVectors.blobs(3, 800, 16, 8, 0.05, SEED + 1), ArraySubVectors.random(3, 800, 16, SEED));
        ClusteringAlgorithm first = create(3, setting, SEED);
        ClusteringAlgorithm second = create(3, setting, SEED);

        for (int step = 0; step < steps.size(); step++) {
            Assignments a = cluster(first, steps.get(step));
            Assignments b = cluster(second, steps.get(step));
            for (int g = 0; g < 3; g++) {
                assertThat(b.count(g)).as("count of group %d at step %d", g, step).isEqualTo(a.count(g));
                assertThat(b.ids(g)).as("ids of group %d at step %d", g, step).containsExactly(a.ids(g));
            }
        }
    }

    @ParameterizedTest(name = "L={0}, H={1}")
    @CsvSource({"4,2", "16,8", "25,16"})
    public void identicalSubVectorsShareACluster(int length, int hashBits) {
        ReuseSetting setting = new ReuseSetting(length, hashBits);
        int groups = 3;
        int rows = 600;
        int prototypes = 12;
        Random random = new Random(SEED + length);
        float[] data = new float[groups * rows * length];
        int[][] source = new int[groups][rows];
        for (int g = 0; g < groups; g++) {
            float[] protos = new float[prototypes * length];
            for (int i = length; i < protos.length; i++) { // prototype 0 is the zero vector
                protos[i] = (float) random.nextGaussian();
            }
            for (int r = 0; r < rows; r++) {
                source[g][r] = random.nextInt(prototypes);
                System.arraycopy(protos, source[g][r] * length, data, (g * rows + r) * length, length);
            }
        }
        ArraySubVectors input = new ArraySubVectors(groups, rows, length, data);

        Assignments out = cluster(create(groups, setting, SEED), input);

        assertThat(ClusteringQuality.compactnessViolation(out, groups, rows)).isNull();
        for (int g = 0; g < groups; g++) {
            Map<Integer, Integer> idOfPrototype = new HashMap<>();
            for (int r = 0; r < rows; r++) {
                int id = out.ids(g)[r];
                Integer expected = idOfPrototype.putIfAbsent(source[g][r], id);
                if (expected != null) {
                    assertThat(id).as("group %d row %d, a copy of prototype %d", g, r, source[g][r])
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    public void blobsAreClusteredWithinTheStatedBound() {
        int groups = 4;
        int rows = 1024;
        ArraySubVectors input = ArraySubVectors.blobs(groups, rows, QUALITY_SETTING.subVectorLength(),
                QUALITY_CENTERS, QUALITY_SPREAD, SEED);

        Assignments out = cluster(create(groups, QUALITY_SETTING, SEED), input);
        double error = ClusteringQuality.meanRelativeError(input, out);
        double reference = ClusteringQuality.meanRelativeError(input,
                ClusteringQuality.nearestCenter(input, input.centers()));

        assertThat(reference).as("the fixture: brute-force nearest-center error near the spread")
                .isLessThanOrEqualTo(1.5 * QUALITY_SPREAD);
        assertThat(ClusteringQuality.compactnessViolation(out, groups, rows)).isNull();
        assertThat(error)
                .as("mean relative error on blobs (%d centers, spread %s, %s) is %.4f at r_c %.4f, against the "
                        + "stated bound %.4f; the brute-force nearest-center reference gets %.4f",
                        QUALITY_CENTERS, QUALITY_SPREAD, QUALITY_SETTING, error, out.remainingRatio(),
                        qualityBound(), reference)
                .isLessThanOrEqualTo(qualityBound());
    }

    @Test
    public void resultDoesNotDependOnEarlierCalls() {
        assumeFalse(warmStarts(), "the algorithm declares warm starts");
        ReuseSetting setting = new ReuseSetting(16, 6);
        ArraySubVectors a = ArraySubVectors.blobs(3, 700, 16, 8, 0.05, SEED);
        ArraySubVectors b = ArraySubVectors.random(3, 700, 16, SEED);
        ClusteringAlgorithm algorithm = create(3, setting, SEED);
        Assignments out = new Assignments(3, 700); // reused, as the engine does: overwritten every call

        algorithm.cluster(a, out);
        int[][] firstIds = new int[3][];
        int[] firstCounts = new int[3];
        for (int g = 0; g < 3; g++) {
            firstIds[g] = out.ids(g).clone();
            firstCounts[g] = out.count(g);
        }
        algorithm.cluster(b, out);
        algorithm.cluster(a, out);

        for (int g = 0; g < 3; g++) {
            assertThat(out.count(g)).as("count of group %d", g).isEqualTo(firstCounts[g]);
            assertThat(out.ids(g)).as("ids of group %d", g).containsExactly(firstIds[g]);
        }
    }

    @Test
    public void stableBucketKeysNumberedInFirstSeenOrderAreTheClusters() {
        ReuseSetting setting = new ReuseSetting(16, 6);
        ClusteringAlgorithm algorithm = create(3, setting, SEED);
        assumeTrue(algorithm instanceof StableBucketKeys, "the algorithm has no stable bucket keys");
        ArraySubVectors input = ArraySubVectors.blobs(3, 700, 16, 8, 0.05, SEED);

        Assignments out = cluster(algorithm, input);
        int[][] keys = new int[3][700];
        ((StableBucketKeys) algorithm).bucketKeys(input, keys);

        for (int g = 0; g < 3; g++) {
            Map<Integer, Integer> firstSeen = new HashMap<>();
            for (int r = 0; r < 700; r++) {
                int expected = firstSeen.computeIfAbsent(keys[g][r], k -> firstSeen.size());
                assertThat(out.ids(g)[r]).as("id of group %d row %d (key %d)", g, r, keys[g][r]).isEqualTo(expected);
            }
            assertThat(out.count(g)).as("clusters of group %d", g).isEqualTo(firstSeen.size())
                    .isLessThanOrEqualTo(setting.maxClusters(700));
        }
    }

    @Test
    public void stableBucketKeysBelongToEachRowAlone() {
        ReuseSetting setting = new ReuseSetting(16, 6);
        ClusteringAlgorithm algorithm = create(2, setting, SEED);
        assumeTrue(algorithm instanceof StableBucketKeys, "the algorithm has no stable bucket keys");
        ArraySubVectors batch = ArraySubVectors.blobs(2, 400, 16, 8, 0.05, SEED);
        ArraySubVectors others = ArraySubVectors.random(2, 300, 16, SEED + 1);
        // another batch: the same rows in reverse order after 300 other rows
        float[] mixed = new float[2 * 700 * 16];
        for (int g = 0; g < 2; g++) {
            others.group(g).get(mixed, g * 700 * 16, 300 * 16);
            for (int r = 0; r < 400; r++) {
                batch.group(g).get(r * 16, mixed, (g * 700 + 300 + 399 - r) * 16, 16);
            }
        }
        int[][] alone = new int[2][400];
        int[][] amongOthers = new int[2][700];

        StableBucketKeys keyed = (StableBucketKeys) algorithm;
        keyed.bucketKeys(batch, alone);
        keyed.bucketKeys(others, new int[2][300]);
        keyed.bucketKeys(new ArraySubVectors(2, 700, 16, mixed), amongOthers);

        for (int g = 0; g < 2; g++) {
            for (int r = 0; r < 400; r++) {
                assertThat(amongOthers[g][300 + 399 - r]).as("key of group %d row %d in another batch", g, r)
                        .isEqualTo(alone[g][r]);
            }
        }
    }
}

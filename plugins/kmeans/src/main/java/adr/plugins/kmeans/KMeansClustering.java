package adr.plugins.kmeans;

import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.SubVectors;
import adr.spi.reuse.ReuseSetting;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Lloyd k-means per group with greedy k-means++ or random seeding and warm starts; see
 * the comment at the top of the class body for the method, the cost model and references.
 * {@link #lastCost()} reports what the last call computed.
 */
public final class KMeansClustering implements ClusteringAlgorithm {
    /*
     * k-means clustering of one layer's sub-vectors, per group.
     *
     * What: for every group g, the N sub-vectors x_r (length L) are clustered into at most
     * k clusters by Lloyd's algorithm (S. Lloyd, "Least squares quantization in PCM", IEEE
     * Trans. Inf. Theory 28(2), 1982): assign every row to its nearest centroid, move every
     * centroid to its rows' mean, repeat. This minimises the squared reconstruction error
     * sum_r ||x_r - c(r)||^2 locally, which is exactly the error the reuse forward makes
     * when it multiplies centroids instead of rows, so for a given number of clusters it is
     * the quality reference for the cheaper hashing (LSH) that the deep-reuse papers use
     * (Ning, Guan, Shen, "Adaptive Deep Reuse", ICDE 2019; Ning and Shen, "Deep Reuse",
     * ICS 2019).
     *
     * k per group: "ratio" mode takes round(target-ratio * N), so r_c is about target-ratio;
     * "fixed" mode takes min(N, 2^H), mirroring LSH's bound. Never more than
     * ReuseSetting.maxClusters(N), never fewer than 1.
     *
     * Seeding: greedy k-means++ (Arthur and Vassilvitskii, SODA 2007, see Seeding) or k
     * random rows, from a SplittableRandom seeded by mixing the factory seed with the group
     * index, so results do not depend on thread scheduling. Warm start: each step sees a new
     * mini-batch whose rows resemble the last one's, so a group starts from the centroids
     * it ended the previous call with (same k and L). Over steps this behaves like
     * mini-batch k-means (D. Sculley, "Web-scale k-means clustering", WWW 2010): a few
     * passes per batch, centroids carried forward and refined, so a small fixed budget of
     * passes (default 3) keeps improving rather than starting over. One warm pass after a
     * cold pass gives exactly what a cold call with two passes gives.
     *
     * Exactness rules: the assignment uses ||x-c||^2 = ||x||^2 - 2 x.c + ||c||^2 without the
     * constant ||x||^2; identical rows take identical arithmetic and ties go to the lowest
     * centroid, so identical sub-vectors always share a cluster. The output is compacted:
     * empty clusters are dropped and ids renumbered 0..n-1 in first-seen row order.
     *
     * Cost model (state it beside every benchmark): per group and call, the assignment
     * passes cost N * k * L * iterations multiply-adds; the centroid updates N * L each;
     * greedy k-means++ seeding N * L * (1 + (k - 1) * (2 + ln k)) on a cold start (the first
     * call, or every call without warm starts). The exact product costs N * L * M per group
     * (M output channels), so clustering alone is iterations * k / M of the exact product,
     * and the reuse forward costs r_c + 1/L + iterations * k / M instead of LSH's
     * r_c + H/M + 1/L: k-means is like hashing with iterations * k bits. It pays only with
     * few clusters on wide layers (iterations * k << M), and is otherwise the accuracy
     * reference. lastCost() reports the counts and the wall time of the last call.
     * Measured on this machine kind (2 cores, JDK 17, plain Java; see Lloyd for why the
     * kernel works on columns) for groups = 100, N = 12544, L = 16, k = 64, 3 passes
     * (3.85e9 multiply-adds): a warm call 0.27-0.30 s on 2 threads (13-14 G multiply-adds/s),
     * 0.48-0.58 s on 1; a cold call 0.82-0.86 s on 2 threads, seeding included (another
     * 7.6e9 multiply-adds). The row-major per-row loop it replaced took 1.3-2 s warm.
     *
     * Parallelism: groups are independent, so workers (one per core, each with its own
     * scratch) take groups from a shared counter; with fewer groups than cores the
     * assignment passes also split each group's rows over the common pool. Every group's
     * result depends only on its rows, its previous centroids and its seed, so the output
     * is the same on any number of threads. State: the centroids per group (CentroidState) live in this instance,
     * the engine's per-layer state object; nothing is static.
     */

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final ReuseSetting setting;
    private final KMeansOptions options;
    private final long seed;
    private final GroupWorker[] workers;
    private final CentroidState state = new CentroidState();
    private final AtomicInteger nextGroup = new AtomicInteger();
    private FloatBuffer[] buffers = new FloatBuffer[0];
    private KMeansCost lastCost;

    KMeansClustering(ReuseSetting setting, KMeansOptions options, long seed) {
        this(setting, options, seed, Runtime.getRuntime().availableProcessors());
    }

    KMeansClustering(ReuseSetting setting, KMeansOptions options, long seed, int threads) {
        this.setting = setting;
        this.options = options;
        this.seed = seed;
        this.workers = new GroupWorker[Math.max(1, threads)];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new GroupWorker(options);
        }
    }

    @Override
    public void cluster(SubVectors input, Assignments out) {
        long start = System.nanoTime();
        int groups = input.groups();
        int rows = input.rows();
        int len = input.length();
        if (out.groups() != groups || (groups > 0 && out.rows() != rows)) {
            throw new IllegalArgumentException("kmeans: assignments are " + out.groups() + " x " + out.rows()
                    + " but the input is " + groups + " groups x " + rows + " rows");
        }
        if (rows == 0) {
            for (int g = 0; g < groups; g++) {
                out.setCount(g, 0);
            }
            lastCost = cost(groups, 0, len, 0, System.nanoTime() - start);
            return;
        }
        int k = options.clusters(rows, setting);
        state.reshape(groups, k, len);
        if (buffers.length != groups) {
            buffers = new FloatBuffer[groups];
        }
        for (int g = 0; g < groups; g++) {
            buffers[g] = input.group(g); // here, not in the workers: SubVectors promises no thread safety
        }
        nextGroup.set(0);
        int parallelism = Math.min(workers.length, groups);
        // fewer groups than cores (a first layer has one): the groups' rows are split instead
        boolean parallelRows = groups < workers.length;
        if (parallelism <= 1) {
            work(workers[0], groups, rows, len, k, out, parallelRows);
        } else {
            IntStream.range(0, parallelism).parallel()
                    .forEach(w -> work(workers[w], groups, rows, len, k, out, parallelRows));
        }
        Arrays.fill(buffers, null);
        lastCost = cost(groups, rows, len, k, System.nanoTime() - start);
    }

    /** What the last {@link #cluster} call computed and how long it took, or null before the first. */
    public KMeansCost lastCost() {
        return lastCost;
    }

    private void work(GroupWorker worker, int groups, int rows, int len, int k, Assignments out,
            boolean parallelRows) {
        for (int g = nextGroup.getAndIncrement(); g < groups; g = nextGroup.getAndIncrement()) {
            int count = worker.cluster(buffers[g], rows, len, k, state, g, groupSeed(g), out.ids(g), parallelRows);
            out.setCount(g, count);
        }
    }

    private KMeansCost cost(int groups, int rows, int len, int k, long nanos) {
        long assignment = 0;
        long seeding = 0;
        int warm = 0;
        for (GroupWorker worker : workers) {
            assignment += worker.assignmentEvaluations;
            seeding += worker.seedingEvaluations;
            warm += worker.warmStartedGroups;
            worker.resetCounters();
        }
        return new KMeansCost(groups, rows, len, k, options.iterations(), warm, assignment, seeding, nanos);
    }

    /** The group's seed: the factory seed and the group index mixed (SplitMix64's finaliser). */
    private long groupSeed(int g) {
        long z = seed + (g + 1L) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

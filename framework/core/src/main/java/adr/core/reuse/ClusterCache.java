package adr.core.reuse;

import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.StableBucketKeys;
import adr.spi.reuse.ReuseScope;

/**
 * The cluster cache of one reuse layer ({@link ReuseScope#clusterCache}): skips the
 * clustering when every image of the batch was keyed before from the same input, and
 * keys the whole batch otherwise.
 *
 * <p>Why per image and by key: the old rule, "reuse the previous step's assignments when
 * the row count matches", handed one batch's clusters to the next batch's different
 * images. Here each image keeps its own rows' bucket keys ({@link SampleAssignmentCache});
 * a batch whose images are all cached gathers their keys and numbers them in first-seen
 * order ({@link KeyCompaction}), which is exactly what the algorithm's own clustering
 * gives for the same inputs ({@link StableBucketKeys}' contract), whatever batches the
 * images were keyed in. Only algorithms with stable keys qualify: for any other
 * (quantized LSH fits its bucket width to the batch, k-means warm-starts) keys from
 * another batch do not compose, so the layer re-clusters. A miss on any image re-keys the
 * whole batch: the keys come from one batched product over all rows anyway.
 *
 * <p>Only the first convolution is cached ({@link #plan}): its input is the image, which
 * repeats bit for bit (checked by {@link InputFingerprints}). A later layer's input changes
 * as earlier layers train. Skipping its clustering while the input's drift stays under a
 * threshold was tried and dropped: with a cheap drift measure (the relative L2 change of
 * an image's whole input to the layer, from a 16-projection sketch) the drift does not
 * predict the keys. On CifarNet's conv2 (Fashion-MNIST, 5,000 images, L=25, H=8, sign LSH,
 * epochs 2 to 4) 19% of the keys of images with drift 0.02-0.05 had changed, 22% at
 * 0.05-0.1 and 25% at 0.1-0.15: sign bits ignore magnitude, so the many small post-ReLU
 * sub-vectors change direction with changes that are small next to the whole input. And
 * no batch had all its images under 0.05, so the rule never skipped anything. A guard
 * that would hold needs each row's margin to its bucket boundaries against the row's own
 * change, which costs what the hashing costs.
 */
final class ClusterCache {
    private final StableBucketKeys algorithm;
    private final InputFingerprints inputs = new InputFingerprints();
    private final SampleAssignmentCache cache = new SampleAssignmentCache();
    private final KeyCompaction compaction = new KeyCompaction();
    private int[][] keys = new int[0][];
    private long hits;

    private ClusterCache(StableBucketKeys algorithm) {
        this.algorithm = algorithm;
    }

    /**
     * A layer's cache, or none, with a note for the layer's change record saying which.
     *
     * @param readsData whether the layer's input is the training images themselves
     */
    static Plan plan(ReuseScope scope, ClusteringAlgorithm algorithm, boolean readsData) {
        if (!scope.clusterCache()) {
            return new Plan(null, "");
        }
        if (!(algorithm instanceof StableBucketKeys keyed)) {
            return new Plan(null, "; cluster cache off: the clustering's buckets depend on the batch (no stable "
                    + "bucket keys; lsh variant=sign has them), so it re-clusters every step");
        }
        if (!readsData) {
            return new Plan(null, "; cluster cache off: only the first convolution's input repeats between epochs");
        }
        return new Plan(new ClusterCache(keyed), "; cluster cache: per image, images seen before are not re-clustered");
    }

    /** @param cache null when the layer re-clusters every step */
    record Plan(ClusterCache cache, String note) {
    }

    /**
     * Writes the batch's assignments into {@code out}: from the cached keys when every image
     * is covered, else from fresh keys, which are then cached.
     *
     * @param values the layer input's c-order values
     * @param samples the dataset index of every image of the batch
     */
    void assign(GroupedRows rows, float[] values, int[] samples, Assignments out) {
        int pixels = rows.rows() / samples.length;
        inputs.measure(values, samples.length);
        if (keys.length != rows.groups() || keys[0].length != rows.rows()) {
            keys = new int[rows.groups()][rows.rows()];
        }
        if (cache.covers(samples, rows.groups() * pixels, inputs)) {
            cache.gather(samples, pixels, keys);
            hits++;
        } else {
            algorithm.bucketKeys(rows, keys);
            cache.store(samples, pixels, keys, inputs);
        }
        compaction.compact(keys, rows.rows(), out);
    }

    /** Steps served from the cache so far. */
    long hits() {
        return hits;
    }
}

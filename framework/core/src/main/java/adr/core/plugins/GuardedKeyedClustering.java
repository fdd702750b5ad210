package adr.core.plugins;

import adr.spi.clustering.StableBucketKeys;
import adr.spi.clustering.SubVectors;
import adr.spi.reuse.ReuseSetting;

/** A guarded clustering that offers stable bucket keys, so the cluster cache can still use it. */
final class GuardedKeyedClustering extends GuardedClustering implements StableBucketKeys {
    private final StableBucketKeys algorithm;

    GuardedKeyedClustering(StableBucketKeys algorithm, PluginGuard guard, ReuseSetting setting, String where) {
        super(algorithm, guard, setting, where);
        this.algorithm = algorithm;
    }

    @Override
    public void bucketKeys(SubVectors input, int[][] keys) {
        guard.run("while computing bucket keys for " + where, () -> algorithm.bucketKeys(input, keys));
    }
}

package adr.plugins.kmeans;

import adr.spi.clustering.ClusteringAlgorithmContract;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import java.util.Map;

/**
 * The clustering contract with the other choices: random seeding, k = min(rows, 2^H),
 * one pass, no warm starts (so the result must not depend on earlier calls).
 */
class KMeansRandomFixedContractTest extends ClusteringAlgorithmContract {

    @Override
    protected ClusteringFactory factory() {
        return new KMeansFactory();
    }

    @Override
    protected Config config() {
        return Configs.config(Map.of("init", "random", "k-mode", "fixed", "iterations", 1, "warm-start", false));
    }

    @Override
    protected double qualityBound() {
        return 0.02; // 256 clusters for 8 blobs; measured 0.0133 (reference 0.0196)
    }
}

package adr.plugins.lsh;

import adr.spi.clustering.ClusteringAlgorithmContract;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import java.util.ArrayList;
import java.util.Map;

/** The clustering contract for the sign variant (random-hyperplane bits). */
class LshSignContractTest extends ClusteringAlgorithmContract {

    @Override
    protected ClusteringFactory factory() {
        return new LshFactory();
    }

    @Override
    protected Config config() {
        return Config.resolve("test", factory().configKeys(), Map.of(LshOptions.VARIANT, "sign"), new ArrayList<>());
    }

    /**
     * Measured 0.163 on this fixture (median 0.139, 90th percentile 0.193 over 100
     * fixture and algorithm seeds): sign bits ignore magnitude, so the blobs around
     * {@code c} and {@code 2c} always share a bucket.
     */
    @Override
    protected double qualityBound() {
        return 0.20;
    }
}

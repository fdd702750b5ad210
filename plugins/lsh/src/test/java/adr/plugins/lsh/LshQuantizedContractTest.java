package adr.plugins.lsh;

import adr.spi.clustering.ClusteringAlgorithmContract;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import java.util.ArrayList;
import java.util.Map;

/** The clustering contract for the quantized variant at the default bucket width (0.5). */
class LshQuantizedContractTest extends ClusteringAlgorithmContract {

    @Override
    protected ClusteringFactory factory() {
        return new LshFactory();
    }

    @Override
    protected Config config() {
        return Config.resolve("test", factory().configKeys(), Map.of(LshOptions.VARIANT, "quantized"),
                new ArrayList<>());
    }

    /**
     * Measured 0.0191 on this fixture, below the nearest-center reference's 0.0196 (blobs
     * split over a few buckets, never merged); median 0.0191, 90th percentile 0.0192,
     * worst 0.064 over 100 fixture and algorithm seeds.
     */
    @Override
    protected double qualityBound() {
        return 0.025;
    }
}

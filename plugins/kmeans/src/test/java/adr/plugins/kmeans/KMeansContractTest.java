package adr.plugins.kmeans;

import adr.spi.clustering.ClusteringAlgorithmContract;
import adr.spi.clustering.ClusteringFactory;

/** The clustering contract, with the default configuration (ratio 0.1, k-means++, 3 passes, warm starts). */
class KMeansContractTest extends ClusteringAlgorithmContract {

    @Override
    protected ClusteringFactory factory() {
        return new KMeansFactory();
    }

    @Override
    protected double qualityBound() {
        return 0.02; // about 100 clusters for 8 blobs: below the spread; measured 0.0163 (reference 0.0196)
    }

    @Override
    protected boolean warmStarts() {
        return true;
    }
}

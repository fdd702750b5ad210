package adr.spi.clustering;

/** The contract kit run against its own simple reference, so the kit itself is tested. */
class LeaderClusteringContractTest extends ClusteringAlgorithmContract {

    @Override
    protected ClusteringFactory factory() {
        return new LeaderClustering.Factory();
    }

    @Override
    protected double qualityBound() {
        return 0.025; // every blob one cluster: about the spread (0.02)
    }
}

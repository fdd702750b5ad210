package adr.core.plugins;

import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.SubVectors;
import adr.spi.reuse.ReuseSetting;

/**
 * One layer's clustering algorithm, its failures and broken assignments named (see
 * {@link GuardedClusteringFactory}).
 */
class GuardedClustering implements ClusteringAlgorithm {
    private final ClusteringAlgorithm algorithm;
    final PluginGuard guard;
    private final ReuseSetting setting;
    private final String clustering;
    final String where;

    /** @param where the layer and setting, "conv1 at {L=5, H=10}" */
    GuardedClustering(ClusteringAlgorithm algorithm, PluginGuard guard, ReuseSetting setting, String where) {
        this.algorithm = algorithm;
        this.guard = guard;
        this.setting = setting;
        this.clustering = "while clustering " + where;
        this.where = where;
    }

    @Override
    public void cluster(SubVectors input, Assignments out) {
        guard.run(clustering, () -> algorithm.cluster(input, out));
        // the engine indexes its centroid tables by these ids, so a wrong one must stop here
        AssignmentCheck.problem(out, setting).ifPresent(problem -> {
            throw guard.brokeContract(clustering, problem);
        });
    }
}

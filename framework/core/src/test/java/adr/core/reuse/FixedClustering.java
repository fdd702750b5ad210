package adr.core.reuse;

import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.SubVectors;

/**
 * Frozen assignments that ignore the values: row r of group g goes to cluster
 * {@code (7r + g) mod k}. Gradients of the reuse forward are exact for fixed
 * assignments, so finite differences can check them.
 */
final class FixedClustering implements ClusteringAlgorithm {
    private final int clusters;

    FixedClustering(int clusters) {
        this.clusters = clusters;
    }

    static int id(int row, int group, int clusters) {
        return (7 * row + group) % clusters;
    }

    @Override
    public void cluster(SubVectors input, Assignments out) {
        for (int g = 0; g < input.groups(); g++) {
            int[] ids = out.ids(g);
            for (int r = 0; r < input.rows(); r++) {
                ids[r] = id(r, g, clusters);
            }
            out.setCount(g, clusters);
        }
    }
}

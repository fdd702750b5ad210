package adr.core.reuse;

import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.SubVectors;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Exact clustering: one cluster per distinct sub-vector (bit-equal values). */
final class DedupClustering implements ClusteringAlgorithm {

    @Override
    public void cluster(SubVectors input, Assignments out) {
        int length = input.length();
        for (int g = 0; g < input.groups(); g++) {
            FloatBuffer values = input.group(g);
            Map<List<Float>, Integer> seen = new HashMap<>();
            int[] ids = out.ids(g);
            for (int r = 0; r < input.rows(); r++) {
                Float[] row = new Float[length];
                for (int j = 0; j < length; j++) {
                    row[j] = values.get(r * length + j);
                }
                ids[r] = seen.computeIfAbsent(Arrays.asList(row), key -> seen.size());
            }
            out.setCount(g, seen.size());
        }
    }
}

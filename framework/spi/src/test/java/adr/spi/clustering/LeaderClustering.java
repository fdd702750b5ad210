package adr.spi.clustering;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * A deliberately simple, exact-arithmetic clustering that the contract kit is checked
 * against (leader clustering): scan the rows in order; a row joins the first leader
 * within {@code radius * ||leader||}; otherwise it becomes a new leader while fewer
 * than {@code min(rows, 2^H)} exist, else joins its nearest leader. Identical rows make
 * identical choices against the same leaders, so they share a cluster; no state
 * survives a call.
 */
final class LeaderClustering implements ClusteringAlgorithm {
    private final ReuseSetting setting;
    private final double radius;

    LeaderClustering(ReuseSetting setting, double radius) {
        this.setting = setting;
        this.radius = radius;
    }

    @Override
    public void cluster(SubVectors input, Assignments out) {
        int length = input.length();
        int cap = setting.maxClusters(input.rows());
        int[] leaders = new int[cap];
        for (int g = 0; g < input.groups(); g++) {
            FloatBuffer rows = input.group(g);
            int count = 0;
            for (int r = 0; r < input.rows(); r++) {
                int chosen = -1;
                int nearest = 0;
                double nearestDistance = Double.POSITIVE_INFINITY;
                for (int id = 0; id < count && chosen < 0; id++) {
                    double distance = 0;
                    double norm = 0;
                    for (int j = 0; j < length; j++) {
                        double leader = rows.get(leaders[id] * length + j);
                        double d = rows.get(r * length + j) - leader;
                        distance += d * d;
                        norm += leader * leader;
                    }
                    if (distance <= radius * radius * norm) {
                        chosen = id;
                    } else if (distance < nearestDistance) {
                        nearestDistance = distance;
                        nearest = id;
                    }
                }
                if (chosen < 0 && count < cap) {
                    leaders[count] = r;
                    chosen = count++;
                }
                out.ids(g)[r] = chosen < 0 ? nearest : chosen;
            }
            out.setCount(g, count);
        }
    }

    /** Builds {@link LeaderClustering}; key {@code radius}, the relative join distance. */
    static final class Factory implements ClusteringFactory {

        @Override
        public String name() {
            return "leader";
        }

        @Override
        public String description() {
            return "leader clustering, the contract kit's own reference";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(ConfigKey.decimal("radius", 0.1, "join a leader within this distance relative to its norm"));
        }

        @Override
        public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed) {
            return new LeaderClustering(setting, config.decimal("radius"));
        }
    }
}

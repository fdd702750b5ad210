package adr.core.plugins;

import adr.spi.clustering.Assignments;
import adr.spi.reuse.ReuseSetting;
import java.util.Optional;

/** What a clustering plugin's assignments break of its contract, if anything. */
final class AssignmentCheck {
    private AssignmentCheck() {
    }

    /** Every id in {@code [0, count)} and every count within {@code 1..min(N, 2^H)}; else what is wrong. */
    static Optional<String> problem(Assignments a, ReuseSetting setting) {
        int limit = setting.maxClusters(a.rows());
        for (int g = 0; g < a.groups(); g++) {
            int count = a.count(g);
            if (count < 1 || count > limit) {
                return Optional.of("it returned " + count + " clusters for group " + g + " of " + a.rows()
                        + " rows, where " + setting + " allows 1.." + limit);
            }
            int[] ids = a.ids(g);
            for (int r = 0; r < a.rows(); r++) {
                if (ids[r] < 0 || ids[r] >= count) {
                    return Optional.of("it returned id " + ids[r] + " for row " + r + " of group " + g
                            + ", outside 0.." + (count - 1) + " (ids must be compact)");
                }
            }
        }
        return Optional.empty();
    }
}

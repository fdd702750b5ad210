package adr.core.reuse;

import adr.spi.clustering.Assignments;
import adr.spi.reuse.ReuseSetting;

/** Guards the engine against a clustering plugin that breaks its contract. */
final class AssignmentCheck {
    private AssignmentCheck() {
    }

    /** Every id in {@code [0, count)} and every count within {@code 1..min(N, 2^H)}. */
    static void requireCompact(Assignments a, ReuseSetting setting) {
        int limit = setting.maxClusters(a.rows());
        for (int g = 0; g < a.groups(); g++) {
            int count = a.count(g);
            if (count < 1 || count > limit) {
                throw new IllegalStateException("clustering returned " + count + " clusters for group " + g
                        + "; the contract allows 1.." + limit + " for " + setting);
            }
            for (int id : a.ids(g)) {
                if (id < 0 || id >= count) {
                    throw new IllegalStateException("clustering returned id " + id + " in group " + g
                            + " outside 0.." + (count - 1) + "; ids must be compact");
                }
            }
        }
    }
}

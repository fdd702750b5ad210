package adr.tracking.run;

import adr.core.reuse.LayerState;
import adr.core.reuse.Phase;
import adr.core.reuse.ReuseStats;
import adr.spi.reuse.ReuseSetting;
import adr.tracking.events.StepMetrics.LayerMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/** Spells the engine's per-layer state the way events carry it. */
final class LayerMetricsReader {
    private LayerMetricsReader() {
    }

    static LayerMetrics of(LayerState state) {
        ReuseSetting s = state.setting();
        ReuseStats stats = state.lastStats();
        if (s == null || stats == null) {
            return new LayerMetrics(state.layer(), "exact", s == null ? 0 : s.subVectorLength(),
                    s == null ? 0 : s.hashBits(), 0, 1.0, Map.of());
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            Double seconds = stats.seconds().get(phase);
            if (seconds != null) {
                phases.put(phase.label(), seconds);
            }
        }
        return new LayerMetrics(state.layer(), "reuse", s.subVectorLength(), s.hashBits(), stats.clusters(),
                stats.remainingRatio(), phases);
    }

    /** "exact" or "L=25 H=8". */
    static String setting(ReuseSetting setting) {
        return setting == null ? "exact" : "L=" + setting.subVectorLength() + " H=" + setting.hashBits();
    }
}

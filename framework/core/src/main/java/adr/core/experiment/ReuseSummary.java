package adr.core.experiment;

import adr.core.reuse.ReuseChange;
import java.util.List;
import java.util.Map;

/**
 * How a run reused: mean {@code r_c} per convolution over all steps (1 = exact) and
 * every configuration change with its reason.
 */
public record ReuseSummary(Map<String, Double> meanRemainingRatio, List<ReuseChange> changes) {
    public static final ReuseSummary EXACT = new ReuseSummary(Map.of(), List.of());

    public ReuseSummary {
        meanRemainingRatio = Map.copyOf(meanRemainingRatio);
        changes = List.copyOf(changes);
    }

    /** The mean over convolutions of their mean {@code r_c}; 1 for an exact run. */
    public double overallRemainingRatio() {
        return meanRemainingRatio.values().stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
    }
}

package adr.core.experiment;

import adr.core.reuse.ReuseChange;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * How many of the steps {@code 0 ..< totalSteps} ran with at least one convolution
     * reusing, from the changes (each takes effect at its step).
     */
    public long stepsWithReuse(long totalSteps) {
        Set<String> reusing = new HashSet<>();
        long counted = 0;
        long since = 0;
        for (ReuseChange change : changes.stream().sorted(Comparator.comparingLong(ReuseChange::step)).toList()) {
            long at = Math.min(change.step(), totalSteps);
            counted += reusing.isEmpty() ? 0 : at - since;
            since = at;
            if (change.to() == null) {
                reusing.remove(change.layer());
            } else {
                reusing.add(change.layer());
            }
        }
        return counted + (reusing.isEmpty() ? 0 : totalSteps - since);
    }

    /** The mean over convolutions of their mean {@code r_c}; 1 for an exact run. */
    public double overallRemainingRatio() {
        return meanRemainingRatio.values().stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
    }
}

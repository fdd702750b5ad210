package adr.tracking.projection;

import adr.tracking.events.ReuseConfigChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Runs side by side: what reuse each ran with, what it cost and what it reached, and the
 * wall time saved against the exact run among them (the paper's headline number).
 *
 * @param rows one per run, in the order given
 * @param baseline the exact run time saved is measured against: the first run with the
 *     {@value #EXACT} strategy that has a wall time; empty when there is none
 */
public record RunComparison(List<Row> rows, Optional<String> baseline) {
    /** The strategy, and the setting, of a run that computes every convolution exactly. */
    public static final String EXACT = "exact";

    public RunComparison {
        rows = List.copyOf(rows);
    }

    /**
     * One run.
     *
     * @param setting the final reuse setting ({@code L=25 H=8}), per layer when layers differ,
     *     {@value #EXACT} when the run never reused
     * @param meanRemainingRatio mean r_c over layers (1 when exact)
     * @param timeSaved {@code 1 - wall / wall of the baseline}; empty without a baseline or a wall time
     */
    public record Row(String runId, RunStatus status, String strategy, String clustering, String setting,
            OptionalDouble meanRemainingRatio, OptionalDouble wallSeconds, OptionalDouble imagesPerSecond,
            OptionalDouble finalAccuracy, OptionalDouble timeSaved) {
    }

    public static RunComparison of(List<RunHistory> runs) {
        Optional<RunHistory> baseline = runs.stream()
                .filter(r -> EXACT.equals(r.strategy()) && r.result() != null).findFirst();
        List<Row> rows = new ArrayList<>();
        for (RunHistory run : runs) {
            OptionalDouble wall = run.result() == null ? OptionalDouble.empty()
                    : OptionalDouble.of(run.result().wallSeconds());
            OptionalDouble saved = baseline.isPresent() && wall.isPresent()
                    && baseline.get().result().wallSeconds() > 0
                    ? OptionalDouble.of(1 - wall.getAsDouble() / baseline.get().result().wallSeconds())
                    : OptionalDouble.empty();
            rows.add(new Row(run.runId(), run.status(), run.strategy(), run.clustering(), setting(run),
                    meanRemainingRatio(run), wall, imagesPerSecond(run), run.finalAccuracy(), saved));
        }
        return new RunComparison(rows, baseline.map(RunHistory::runId));
    }

    /** The last change per layer wins; before any change the configuration's L and H apply. */
    static String setting(RunHistory run) {
        Map<String, String> perLayer = new LinkedHashMap<>();
        for (ReuseConfigChanged change : run.reuseChanges()) {
            perLayer.put(change.layer(), change.to() == null ? EXACT : change.to());
        }
        if (perLayer.isEmpty()) {
            Object length = run.config().get("L");
            Object bits = run.config().get("H");
            boolean reuses = run.start() != null && !EXACT.equals(run.strategy()) && length != null && bits != null;
            return reuses ? "L=" + length + " H=" + bits : EXACT;
        }
        if (perLayer.values().stream().distinct().count() == 1) {
            return perLayer.values().iterator().next();
        }
        return perLayer.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** From the completed run's per-layer means, else from the metric series. */
    static OptionalDouble meanRemainingRatio(RunHistory run) {
        if (run.result() != null && run.result().meanRemainingRatio() != null
                && !run.result().meanRemainingRatio().isEmpty()) {
            return run.result().meanRemainingRatio().values().stream().mapToDouble(Double::doubleValue).average();
        }
        OptionalDouble fromSeries = run.metrics().stream()
                .flatMap(p -> p.remainingRatio().values().stream()).mapToDouble(Double::doubleValue).average();
        if (fromSeries.isPresent() || !EXACT.equals(run.strategy())) {
            return fromSeries;
        }
        return OptionalDouble.of(1.0); // exact computes everything
    }

    private static OptionalDouble imagesPerSecond(RunHistory run) {
        if (run.result() != null) {
            return OptionalDouble.of(run.result().imagesPerSecond());
        }
        return run.metrics().stream().mapToDouble(MetricPoint::imagesPerSecond).average();
    }
}

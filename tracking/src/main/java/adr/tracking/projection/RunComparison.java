package adr.tracking.projection;

import adr.tracking.events.ReuseConfigChanged;
import adr.tracking.events.RunStarted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Runs side by side: what reuse each ran with, what it cost and what it reached, and the
 * wall time saved against an exact run among them (the paper's headline number).
 *
 * <p>Time saved is only computed where the two wall times measure the same thing: each
 * run is set against the first exact run among them that trained the same work (model,
 * dataset, training images and steps), and neither was resumed, since a resumed run's
 * wall time covers its last process only. Every run left without one for those reasons
 * gets a note saying why.
 *
 * @param rows one per run, in the order given
 * @param baselines the exact runs time saved is measured against, one per work trained:
 *     the first run of that work with the {@value #EXACT} strategy that completed in one
 *     process; empty when there is none
 * @param notes why a completed run has no time saved, one line per such run
 */
public record RunComparison(List<Row> rows, List<Baseline> baselines, List<String> notes) {
    /** The strategy, and the setting, of a run that computes every convolution exactly. */
    public static final String EXACT = "exact";
    private static final String FIXED = "fixed";

    public RunComparison {
        rows = List.copyOf(rows);
        baselines = List.copyOf(baselines);
        notes = List.copyOf(notes);
    }

    /**
     * One run.
     *
     * @param setting the final reuse setting ({@code L=25 H=8}), per layer when layers differ,
     *     {@value #EXACT} when the run never reused
     * @param meanRemainingRatio mean r_c over layers (1 when exact)
     * @param timeSaved {@code 1 - wall / wall of the baseline}; empty without a baseline or a wall time
     * @param baseline the exact run {@code timeSaved} is measured against; empty without one
     */
    public record Row(String runId, RunStatus status, String strategy, String clustering, String setting,
            OptionalDouble meanRemainingRatio, OptionalDouble wallSeconds, OptionalDouble imagesPerSecond,
            OptionalDouble finalAccuracy, OptionalDouble timeSaved, Optional<String> baseline) {
    }

    /** An exact run that times are measured against, and the work it trained ("cifarnet on ..., 200 steps ..."). */
    public record Baseline(String runId, String work) {
    }

    public static RunComparison of(List<RunHistory> runs) {
        Map<String, RunHistory> exactByWork = new LinkedHashMap<>();
        runs.stream().filter(r -> EXACT.equals(r.strategy()) && r.start() != null && r.result() != null
                && r.resumedAt().isEmpty()).forEach(r -> exactByWork.putIfAbsent(work(r), r));
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RunHistory run : runs) {
            OptionalDouble wall = run.result() == null ? OptionalDouble.empty()
                    : OptionalDouble.of(run.result().wallSeconds());
            Optional<RunHistory> baseline = Optional.ofNullable(exactByWork.get(work(run)));
            Optional<String> refusal = exactByWork.isEmpty() ? Optional.empty() : incomparable(run, baseline);
            refusal.filter(reason -> wall.isPresent()).ifPresent(notes::add);
            boolean comparable = refusal.isEmpty() && baseline.isPresent() && wall.isPresent()
                    && baseline.get().result().wallSeconds() > 0;
            OptionalDouble saved = comparable
                    ? OptionalDouble.of(1 - wall.getAsDouble() / baseline.get().result().wallSeconds())
                    : OptionalDouble.empty();
            rows.add(new Row(run.runId(), run.status(), run.strategy(), run.clustering(), setting(run),
                    meanRemainingRatio(run), wall, imagesPerSecond(run), run.finalAccuracy(), saved,
                    comparable ? baseline.map(RunHistory::runId) : Optional.empty()));
        }
        List<Baseline> baselines = exactByWork.entrySet().stream()
                .map(e -> new Baseline(e.getValue().runId(), e.getKey())).toList();
        return new RunComparison(rows, baselines, notes);
    }

    /** Why {@code run}'s wall time cannot be set against an exact run's, if it cannot. */
    static Optional<String> incomparable(RunHistory run, Optional<RunHistory> sameWork) {
        if (!run.resumedAt().isEmpty()) {
            return Optional.of(run.runId() + ": no time saved: it was resumed, and its wall time covers only its"
                    + " last process");
        }
        if (sameWork.isEmpty()) {
            return Optional.of(run.runId() + ": no time saved: no exact run among them trained the same work ("
                    + work(run) + ")");
        }
        return Optional.empty();
    }

    /** What a run trained, as far as its wall time depends on it. */
    private static String work(RunHistory run) {
        if (run.start() == null) {
            return "unknown work";
        }
        RunStarted s = run.start();
        return s.model() + " on " + s.dataset() + ", " + s.totalSteps() + (s.totalSteps() == 1 ? " step" : " steps")
                + " over " + s.trainImages() + " images";
    }

    /**
     * The last change per layer wins. Every layer starts exact, so a run without changes
     * stayed exact, unless it is a {@code fixed} run that has not reached its first step:
     * that one shows the L and H it was configured with. (The other strategies take their
     * levels from their own options, not from L and H.)
     */
    static String setting(RunHistory run) {
        Map<String, String> perLayer = new LinkedHashMap<>();
        for (ReuseConfigChanged change : run.reuseChanges()) {
            perLayer.put(change.layer(), change.to() == null ? EXACT : change.to());
        }
        if (perLayer.isEmpty()) {
            Object length = run.config().get("L");
            Object bits = run.config().get("H");
            boolean beforeFirstChange = run.start() != null && FIXED.equals(run.strategy())
                    && run.status() != RunStatus.COMPLETED && length != null && bits != null;
            return beforeFirstChange ? "L=" + length + " H=" + bits : EXACT;
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

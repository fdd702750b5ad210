package adr.tracking.projection;

import adr.spi.events.Event;
import adr.tracking.events.CheckpointSaved;
import adr.tracking.events.EvaluationCompleted;
import adr.tracking.events.EventFormatException;
import adr.tracking.events.EventJson;
import adr.tracking.events.EventType;
import adr.tracking.events.ReuseConfigChanged;
import adr.tracking.events.RunCompleted;
import adr.tracking.events.RunFailed;
import adr.tracking.events.RunInterrupted;
import adr.tracking.events.RunStarted;
import adr.tracking.events.StepMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Folds one run's distinct events, in seq order, into its {@link RunHistory}. The status
 * follows the last lifecycle event by type even when its payload does not decode: that
 * the run completed is worth knowing without the numbers. Judging abandonment needs the
 * clock and the writer's liveness, so it is {@link RunRegistry}'s job.
 */
final class RunFold {
    private final String runId;
    private final EventJson json;
    private final Consumer<String> warnings;

    private RunStatus status = RunStatus.RUNNING;
    private Instant started;
    private Instant lastEventTime;
    private RunStarted start;
    private final List<Resume> resumes = new ArrayList<>();
    private final List<MetricPoint> metrics = new ArrayList<>();
    private final SortedMap<Integer, EvaluationCompleted> evaluations = new TreeMap<>();
    private final List<ReuseConfigChanged> reuseChanges = new ArrayList<>();
    private final List<CheckpointSaved> checkpoints = new ArrayList<>();
    private RunCompleted result;
    private RunFailed failure;
    private RunInterrupted interruption;

    private RunFold(String runId, EventJson json, Consumer<String> warnings) {
        this.runId = runId;
        this.json = json;
        this.warnings = warnings;
    }

    /** The history of a run from its events keyed by seq (at least one). */
    static RunHistory fold(String runId, SortedMap<Long, Event> bySeq, EventJson json, Consumer<String> warnings) {
        RunFold fold = new RunFold(runId, json, warnings);
        bySeq.values().forEach(fold::accept);
        return fold.history(bySeq);
    }

    private void accept(Event event) {
        lastEventTime = event.time();
        Optional<EventType> type = EventType.fromWire(event.type());
        if (type.isEmpty()) {
            return; // RunRegistry already warned once for the type
        }
        updateStatus(type.get());
        try {
            apply(type.get(), event);
        } catch (EventFormatException e) {
            warnings.accept("run " + runId + " seq " + event.seq() + ": " + e.getMessage() + "; event skipped");
        }
    }

    private void updateStatus(EventType type) {
        switch (type) {
            case RUN_STARTED -> status = RunStatus.RUNNING;
            case RUN_COMPLETED -> status = RunStatus.COMPLETED;
            case RUN_FAILED -> status = RunStatus.FAILED;
            case RUN_INTERRUPTED -> status = RunStatus.INTERRUPTED;
            default -> {
                // progress events do not change where the run stands
            }
        }
    }

    private void apply(EventType type, Event event) {
        switch (type) {
            case RUN_STARTED -> started(json.payload(event, RunStarted.class), event.time());
            case STEP_METRICS -> metrics.add(point(json.payload(event, StepMetrics.class)));
            case REUSE_CONFIG_CHANGED -> reuseChanges.add(json.payload(event, ReuseConfigChanged.class));
            case EVALUATION_COMPLETED -> {
                EvaluationCompleted evaluation = json.payload(event, EvaluationCompleted.class);
                evaluations.put(evaluation.epoch(), evaluation);
            }
            case CHECKPOINT_SAVED -> checkpoints.add(json.payload(event, CheckpointSaved.class));
            case RUN_COMPLETED -> result = json.payload(event, RunCompleted.class);
            case RUN_FAILED -> failure = json.payload(event, RunFailed.class);
            case RUN_INTERRUPTED -> interruption = json.payload(event, RunInterrupted.class);
            case EPOCH_STARTED, HEARTBEAT -> json.payload(event, type.payloadType()); // checked, nothing to keep
        }
    }

    private void started(RunStarted payload, Instant time) {
        if (started == null) {
            started = time;
        }
        if (payload.resumed()) {
            resumes.add(new Resume(time, payload.startEpoch(), payload.startStep(), reuseChanges.size()));
        }
        start = payload;
    }

    private static MetricPoint point(StepMetrics m) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (m.layers() != null) {
            m.layers().stream().filter(layer -> layer != null && layer.layer() != null)
                    .forEach(layer -> ratios.put(layer.layer(), layer.remainingRatio()));
        }
        return new MetricPoint(m.globalStep(), m.epoch(), m.loss(), m.learningRate(), m.imagesPerSecond(), ratios);
    }

    private RunHistory history(SortedMap<Long, Event> bySeq) {
        return new RunHistory(runId, status, started, lastEventTime, start, resumes, metrics,
                new ArrayList<>(evaluations.values()), reuseChanges, checkpoints, result, failure, interruption,
                bySeq.size(), bySeq.lastKey(), gaps(bySeq));
    }

    /** Runs number their events from 0, so a first seq above 0 is a gap too. */
    private static List<SeqGap> gaps(SortedMap<Long, Event> bySeq) {
        List<SeqGap> gaps = new ArrayList<>();
        long expected = 0;
        for (long seq : bySeq.keySet()) {
            if (seq > expected) {
                gaps.add(new SeqGap(expected, seq - 1));
            }
            expected = seq + 1;
        }
        return gaps;
    }
}

package adr.tracking.projection;

import adr.tracking.events.CheckpointSaved;
import adr.tracking.events.EvaluationCompleted;
import adr.tracking.events.ReuseConfigChanged;
import adr.tracking.events.RunCompleted;
import adr.tracking.events.RunFailed;
import adr.tracking.events.RunInterrupted;
import adr.tracking.events.RunStarted;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Everything the events of one run say about it, rebuilt by replay.
 *
 * @param started time of the first {@code RunStarted}, null when the run's start was not seen
 * @param lastEventTime time of the run's last event (by seq)
 * @param start the latest {@code RunStarted} (a resume repeats the full configuration), null when none was seen
 * @param resumes every {@code RunStarted} with {@code resumed = true}, in seq order
 * @param evaluations one per epoch, in epoch order; a re-run epoch keeps its latest evaluation
 * @param reuseChanges the timeline of reuse configuration changes, in seq order
 * @param result how the run completed, null unless it did
 * @param failure the latest failure, null when none; a resumed run may have one and still be RUNNING
 * @param interruption the latest interruption, null when none; as {@code failure}
 * @param eventCount distinct events of the run, including those of types this version skips
 * @param lastSeq the highest seq seen
 * @param gaps seq ranges missing before {@code lastSeq}
 */
public record RunHistory(String runId, RunStatus status, Instant started, Instant lastEventTime, RunStarted start,
        List<Resume> resumes, List<MetricPoint> metrics, List<EvaluationCompleted> evaluations,
        List<ReuseConfigChanged> reuseChanges, List<CheckpointSaved> checkpoints, RunCompleted result,
        RunFailed failure, RunInterrupted interruption, long eventCount, long lastSeq, List<SeqGap> gaps) {

    /** By start time; runs whose start was never seen sort last, then by id, so the order is stable. */
    public static final Comparator<RunHistory> OLDEST_FIRST = Comparator.comparing(RunHistory::started,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(RunHistory::runId);

    /** Shown for the fields of a run whose {@code RunStarted} was not seen. */
    public static final String UNKNOWN = "?";

    public RunHistory {
        resumes = List.copyOf(resumes);
        metrics = List.copyOf(metrics);
        evaluations = List.copyOf(evaluations);
        reuseChanges = List.copyOf(reuseChanges);
        checkpoints = List.copyOf(checkpoints);
        gaps = List.copyOf(gaps);
    }

    /** The same history with another status (a RUNNING run judged abandoned). */
    public RunHistory withStatus(RunStatus newStatus) {
        return new RunHistory(runId, newStatus, started, lastEventTime, start, resumes, metrics, evaluations,
                reuseChanges, checkpoints, result, failure, interruption, eventCount, lastSeq, gaps);
    }

    /** When the run was resumed, oldest first; empty when it ran in one process. */
    public List<Instant> resumedAt() {
        return resumes.stream().map(Resume::at).toList();
    }

    public String model() {
        return start == null ? UNKNOWN : start.model();
    }

    public String dataset() {
        return start == null ? UNKNOWN : start.dataset();
    }

    public String strategy() {
        return start == null ? UNKNOWN : start.strategy();
    }

    public String clustering() {
        return start == null ? UNKNOWN : start.clustering();
    }

    /** The resolved configuration, every key with its value; empty when the start was not seen. */
    public Map<String, Object> config() {
        return start == null || start.config() == null ? Map.of() : start.config();
    }

    /** Provenance of every plugin the run uses; empty when the start was not seen. */
    public List<RunStarted.PluginUse> plugins() {
        return start == null || start.plugins() == null ? List.of() : start.plugins();
    }

    /** The epochs the run set out to train, 0 when unknown. */
    public int plannedEpochs() {
        return start == null ? 0 : start.epochs();
    }

    /**
     * Epochs finished, from the strongest evidence present: an epoch starting means the one
     * before it finished, and evaluations, checkpoints and the outcome name finished epochs.
     */
    public int epochsDone() {
        return Stream.of(
                result == null ? Stream.of(0) : Stream.of(result.epochs()),
                interruption == null ? Stream.of(0) : Stream.of(interruption.epochsDone()),
                checkpoints.stream().map(CheckpointSaved::epochsDone),
                evaluations.stream().map(EvaluationCompleted::epoch),
                metrics.stream().map(p -> p.epoch() - 1))
                .flatMap(s -> s).mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Test accuracy of the completed run, else of the latest evaluation. */
    public OptionalDouble finalAccuracy() {
        if (result != null) {
            return OptionalDouble.of(result.testAccuracy());
        }
        return evaluations.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(evaluations.get(evaluations.size() - 1).accuracy());
    }
}

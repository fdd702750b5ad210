package adr.tracking.projection;

import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.events.EventSource;
import adr.tracking.events.EventType;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every run an {@link EventSource} knows, rebuilt by replaying its events (DESIGN.md section 4).
 *
 * <p>Replay is tolerant because the journal and Kafka may both have delivered an event, a
 * newer ADR may have written types this one does not know, and a line may be damaged:
 * duplicates by {@code (runId, seq)} are counted and dropped (the first copy wins), each
 * unknown type is warned about once and skipped, and a payload that does not decode is a
 * warning about that event. Events are folded per run in seq order, whatever order they
 * arrived in.
 *
 * <p>A run whose last lifecycle event is a start is RUNNING unless its writer is gone. When
 * the source can tell (a journal's lock), a dead writer makes it ABANDONED; when it cannot
 * (Kafka), a run silent for more than {@value #SILENT_HEARTBEATS} heartbeat intervals
 * before the clock's now is judged ABANDONED, since a live writer would have beaten by then.
 */
public final class RunRegistry {
    /** Heartbeat intervals of silence after which a run of unknown liveness counts as abandoned. */
    public static final int SILENT_HEARTBEATS = 3;

    private final Map<String, RunHistory> runs;
    private final long duplicatesIgnored;

    private RunRegistry(Map<String, RunHistory> runs, long duplicatesIgnored) {
        this.runs = runs;
        this.duplicatesIgnored = duplicatesIgnored;
    }

    /**
     * Replays {@code source} into a registry.
     *
     * @param warnings receives one line per problem; replay itself never fails on event content
     * @param clock the now that heartbeat silence is measured to
     * @param writerAlive whether a run's writer process still lives, or null when the source
     *     cannot tell (heartbeat age decides then)
     */
    public static RunRegistry replay(EventSource source, Consumer<String> warnings, Clock clock,
            Predicate<String> writerAlive) {
        Collector collector = new Collector(warnings);
        source.replay(collector, warnings);
        EventJson json = new EventJson();
        Map<String, RunHistory> runs = new TreeMap<>();
        collector.byRun.forEach((runId, events) -> {
            RunHistory history = RunFold.fold(runId, events, json, warnings);
            runs.put(runId, history.withStatus(judge(history, clock, writerAlive)));
        });
        collector.reportConflicts(warnings);
        return new RunRegistry(runs, collector.duplicates);
    }

    /** Every run, ordered by run id. */
    public List<RunHistory> runs() {
        return List.copyOf(runs.values());
    }

    public Optional<RunHistory> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** Events dropped because an event with the same run and seq came first. */
    public long duplicatesIgnored() {
        return duplicatesIgnored;
    }

    private static RunStatus judge(RunHistory run, Clock clock, Predicate<String> writerAlive) {
        if (run.status() != RunStatus.RUNNING) {
            return run.status();
        }
        if (writerAlive != null) {
            return writerAlive.test(run.runId()) ? RunStatus.RUNNING : RunStatus.ABANDONED;
        }
        int heartbeat = run.start() == null ? 0 : run.start().heartbeatSeconds();
        if (heartbeat <= 0) {
            return RunStatus.RUNNING; // no promise to beat, so silence proves nothing
        }
        Duration silence = Duration.between(run.lastEventTime(), clock.instant());
        return silence.compareTo(Duration.ofSeconds((long) SILENT_HEARTBEATS * heartbeat)) > 0
                ? RunStatus.ABANDONED : RunStatus.RUNNING;
    }

    /** Groups events by run and seq, dropping duplicates and noting unknown types. */
    private static final class Collector implements Consumer<Event> {
        private final Consumer<String> warnings;
        private final Map<String, SortedMap<Long, Event>> byRun = new TreeMap<>();
        private final Set<String> unknownTypes = new HashSet<>();
        private final Map<String, Integer> conflicts = new TreeMap<>();
        private long duplicates;

        Collector(Consumer<String> warnings) {
            this.warnings = warnings;
        }

        @Override
        public void accept(Event event) {
            SortedMap<Long, Event> events = byRun.computeIfAbsent(event.runId(), id -> new TreeMap<>());
            Event first = events.putIfAbsent(event.seq(), event);
            if (first != null) {
                duplicates++;
                if (!Objects.equals(first.eventId(), event.eventId())) {
                    conflicts.merge(event.runId(), 1, Integer::sum);
                }
                return;
            }
            if (EventType.fromWire(event.type()).isEmpty() && unknownTypes.add(event.type())) {
                warnings.accept("skipping events of unknown type '" + event.type() + "' (first in run "
                        + event.runId() + " seq " + event.seq() + "): written by a newer ADR? upgrade to read it");
            }
        }

        /** The same seq with another event id is not a redelivery: two writers shared a run id. */
        void reportConflicts(Consumer<String> warnings) {
            conflicts.forEach((runId, count) -> warnings.accept("run " + runId + ": " + count
                    + " events reuse a seq with a different event id (two writers for one run?); kept the first"
                    + " of each"));
        }
    }
}

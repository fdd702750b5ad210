package adr.tracking.run;

import adr.spi.events.Event;
import adr.spi.events.EventSink;
import adr.tracking.events.EventJson;
import adr.tracking.events.EventPayload;
import adr.tracking.events.EventType;
import adr.tracking.journal.Journal;
import adr.tracking.kafka.KafkaSink;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The ordered event stream of one run: stamps each payload with the envelope (the next
 * {@code seq}, a fresh event id, the time), appends it to the journal first, then hands
 * it to the other sinks. A sink that throws is reported once and then skipped, because
 * the journal already holds the event and {@code ./adr runs sync} can deliver it later;
 * training never stops for a sink. Thread-safe: heartbeats come from their own thread.
 */
public final class EventLog implements AutoCloseable {
    private final String runId;
    private final Journal journal;
    private final List<EventSink> downstream;
    private final EventJson json;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final boolean[] failed;
    private long nextSeq;

    /** @param nextSeq the seq of the next event: 0 for a new run, one past the journal's last for a resumed one */
    public EventLog(String runId, long nextSeq, Journal journal, List<EventSink> downstream, EventJson json,
            Clock clock, Consumer<String> warnings) {
        this.runId = runId;
        this.nextSeq = nextSeq;
        this.journal = journal;
        this.downstream = List.copyOf(downstream);
        this.json = json;
        this.clock = clock;
        this.warnings = warnings;
        this.failed = new boolean[downstream.size()];
    }

    public String runId() {
        return runId;
    }

    public synchronized Event append(EventPayload payload) {
        Event event = new Event(EventJson.SCHEMA, UUID.randomUUID().toString(), runId, nextSeq,
                EventType.of(payload).wireName(), clock.instant(), json.toMap(payload));
        journal.publish(event);
        nextSeq++;
        for (int i = 0; i < downstream.size(); i++) {
            if (failed[i]) {
                continue;
            }
            try {
                downstream.get(i).publish(event);
            } catch (RuntimeException | LinkageError e) { // a sink plugin built for a newer SPI, too
                failed[i] = true;
                warnings.accept(describe(downstream.get(i)) + " failed (" + e + "); it gets no more events of this"
                        + " run, the journal has them all (" + catchUp(downstream.get(i)) + ")");
            }
        }
        return event;
    }

    private static String describe(EventSink sink) {
        return sink instanceof PluginSink plugin ? plugin.description()
                : "event sink " + sink.getClass().getSimpleName();
    }

    /** How a sink gets what it missed: Kafka by a sync of the journal, any other sink from the file. */
    private String catchUp(EventSink sink) {
        return sink instanceof KafkaSink ? "./adr runs sync " + runId + " delivers them to Kafka"
                : journal.file().toString();
    }

    /** Makes the journal durable on disk (epoch ends, checkpoints, the end of the run). */
    public synchronized void sync() {
        journal.flush();
    }

    public synchronized long eventsWritten() {
        return nextSeq;
    }

    /** Closes the other sinks (they drain what they can), then the journal. */
    @Override
    public synchronized void close() {
        try {
            for (EventSink sink : downstream) {
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    warnings.accept(describe(sink) + " did not close cleanly (" + e + "); the journal has every"
                            + " event (" + catchUp(sink) + ")");
                }
            }
        } finally {
            journal.close();
        }
    }
}

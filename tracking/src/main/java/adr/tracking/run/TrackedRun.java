package adr.tracking.run;

import adr.spi.events.Event;
import adr.spi.events.EventSink;
import adr.tracking.events.EventJson;
import adr.tracking.journal.Journal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run's tracking, assembled: its journal (written first), the other sinks, the event
 * log, the recorder that the trainer observes through, and the heartbeat thread. Closing
 * it stops the heartbeats, lets the sinks drain and closes the journal.
 */
public final class TrackedRun implements AutoCloseable {
    private final EventLog log;
    private final RunRecorder recorder;
    private final Heartbeats heartbeats;

    private TrackedRun(EventLog log, RecorderSettings settings, boolean resumed, Consumer<String> warnings) {
        this.log = log;
        this.heartbeats = new Heartbeats();
        // beats start with RunStarted, so seq 0 is always the run's first lifecycle event
        this.recorder = new RunRecorder(log, settings, resumed,
                r -> heartbeats.start(r, settings.heartbeatSeconds(), warnings), heartbeats::close);
    }

    /** Starts the tracking of a new run with id {@code runId} under {@code home}. */
    public static TrackedRun start(Path home, String runId, List<EventSink> sinks, RecorderSettings settings,
            Clock clock, Consumer<String> warnings) {
        EventJson json = new EventJson();
        Journal journal = Journal.create(home, runId, json, clock);
        return new TrackedRun(new EventLog(runId, 0, journal, sinks, json, clock, warnings), settings, false,
                warnings);
    }

    /**
     * Continues the tracking of run {@code runId}: its journal is reopened (a torn last line
     * set aside) and the new events continue its {@code seq}.
     */
    public static TrackedRun resume(Path home, String runId, List<EventSink> sinks, RecorderSettings settings,
            Clock clock, Consumer<String> warnings) {
        EventJson json = new EventJson();
        Journal journal = Journal.reopen(home, runId, json, clock, warnings);
        long nextSeq = journal.existingEvents().stream().mapToLong(Event::seq).max().orElse(-1) + 1;
        return new TrackedRun(new EventLog(runId, nextSeq, journal, sinks, json, clock, warnings), settings, true,
                warnings);
    }

    public String runId() {
        return log.runId();
    }

    public RunRecorder recorder() {
        return recorder;
    }

    public long eventsWritten() {
        return log.eventsWritten();
    }

    @Override
    public void close() {
        try {
            heartbeats.close();
        } finally {
            log.close();
        }
    }
}

package adr.tracking.run;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.train.TrainingProgress;
import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.journal.Journal;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's end is its last event: no heartbeat follows it, whenever the process closes its journal. */
class RunEndTest {

    @Test
    void heartbeatsStopBeforeTheRunsLastEvent(@TempDir Path home) throws Exception {
        Heartbeats heartbeats = new Heartbeats();
        EventLog log = new EventLog("run-1", 0, Journal.create(home, "run-1", new EventJson(), Clock.systemUTC()),
                List.of(), new EventJson(), Clock.systemUTC(), w -> { });
        RunRecorder recorder = new RunRecorder(log, new RecorderSettings(1, 1, "host", 1, List.of()), false,
                r -> { }, heartbeats::close);
        heartbeats.start(recorder, 1, w -> { });
        Thread.sleep(1_300); // one beat

        recorder.interrupted("TERM", new TrainingProgress(0, 3), null);
        Thread.sleep(1_300); // a beat would come here if the heartbeats went on until the journal closes
        log.close();

        List<Event> events = JournalReader.read(JournalLayout.journalFile(home, "run-1"), w -> { });
        assertThat(events).extracting(Event::type).startsWith("Heartbeat").endsWith("RunInterrupted");
    }
}

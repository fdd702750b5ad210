package adr.tracking.run;

import static org.assertj.core.api.Assertions.assertThat;

import adr.spi.events.Event;
import adr.spi.events.EventSink;
import adr.tracking.events.CheckpointSaved;
import adr.tracking.events.EventJson;
import adr.tracking.journal.Journal;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sink that fails is warned about once, by its plugin's name, and the journal keeps every event. */
class EventLogTest {
    @TempDir
    Path home;

    /** Takes events until the second, then throws on every call. */
    private static final class BreakingSink implements EventSink {
        final List<Long> seen = new ArrayList<>();

        @Override
        public void publish(Event event) {
            if (event.seq() == 1) {
                throw new IllegalStateException("disk full");
            }
            seen.add(event.seq());
        }

        @Override
        public void close() {
            throw new IllegalStateException("still full");
        }
    }

    @Test
    void aFailingPluginSinkIsNamedOnceAndSkippedAndTheJournalKeepsEverything() {
        BreakingSink broken = new BreakingSink();
        List<String> warnings = new ArrayList<>();
        Journal journal = Journal.create(home, "run-1", new EventJson(), Clock.systemUTC());
        var sink = new PluginSink(broken, "sink lines from plugin 'acme' 1.0.0 (jar /plugins/acme.jar)");

        try (EventLog log = new EventLog("run-1", 0, journal, List.of(sink), new EventJson(), Clock.systemUTC(),
                warnings::add)) {
            for (int step = 0; step < 3; step++) {
                log.append(new CheckpointSaved(1, step, "/ck"));
            }
        }

        assertThat(broken.seen).containsExactly(0L);
        Path file = JournalLayout.journalFile(home, "run-1");
        assertThat(JournalReader.read(file, w -> { })).extracting(Event::seq).containsExactly(0L, 1L, 2L);
        assertThat(warnings).containsExactly(
                "sink lines from plugin 'acme' 1.0.0 (jar /plugins/acme.jar) failed (java.lang.IllegalStateException:"
                        + " disk full); it gets no more events of this run, the journal has them all (" + file + ")",
                "sink lines from plugin 'acme' 1.0.0 (jar /plugins/acme.jar) did not close cleanly"
                        + " (java.lang.IllegalStateException: still full); the journal has every event (" + file
                        + ")");
    }
}

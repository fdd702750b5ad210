package adr.tracking.run;

import static org.assertj.core.api.Assertions.assertThat;

import adr.tracking.events.CheckpointSaved;
import adr.tracking.events.EventJson;
import adr.tracking.events.EventPayload;
import adr.tracking.events.RunInterrupted;
import adr.tracking.events.RunStarted;
import adr.tracking.journal.Journal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code --resume} reads from a journal that has been resumed before. */
class ResumePointTest {
    @TempDir
    Path home;

    private static RunStarted started(int epochs, String checkpointDir, boolean resumed) {
        return new RunStarted("cifarnet", "fashion-mnist", "exact", "none",
                Map.of("epochs", Integer.toString(epochs), "checkpoint-dir", checkpointDir), List.of(), epochs, 100,
                640, 64, "host", 1, 10, resumed, 0, 0);
    }

    private void write(EventPayload... payloads) {
        try (EventLog log = new EventLog("run-1", 0, Journal.create(home, "run-1", new EventJson(), Clock.systemUTC()),
                List.of(), new EventJson(), Clock.systemUTC(), w -> { })) {
            for (EventPayload payload : payloads) {
                log.append(payload);
            }
        }
    }

    @Test
    void theLatestStartsConfigurationAndTheLastSavedCheckpointAreUsed() {
        write(started(2, "/ck/first", false), new CheckpointSaved(1, 10, "/ck/first"),
                new RunInterrupted("SIGTERM", 1, 15, "/ck/first"),
                started(4, "/ck/second", true), new RunInterrupted("SIGTERM", 1, 17, null));

        ResumePoint resume = ResumePoint.read(home, "run-1", w -> { });

        assertThat(resume.config()).containsEntry("epochs", "4");
        assertThat(resume.checkpointDir()).isEqualTo(Path.of("/ck/second"));
        assertThat(resume.lastCheckpoint()).as("the second process saved nothing").isEqualTo(Path.of("/ck/first"));
    }

    @Test
    void aRunThatSavedNoCheckpointHasNone() {
        write(started(2, "/ck/first", false), new RunInterrupted("SIGTERM", 0, 3, null));

        assertThat(ResumePoint.read(home, "run-1", w -> { }).lastCheckpoint()).isNull();
    }
}

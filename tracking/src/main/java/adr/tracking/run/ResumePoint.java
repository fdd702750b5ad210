package adr.tracking.run;

import adr.spi.events.Event;
import adr.tracking.events.CheckpointSaved;
import adr.tracking.events.EventJson;
import adr.tracking.events.EventType;
import adr.tracking.events.RunInterrupted;
import adr.tracking.events.RunStarted;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import adr.tracking.journal.JournalSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a resume needs from a run's journal: the configuration its latest {@code RunStarted}
 * recorded (an earlier resume may have overridden some of the first's, such as the epochs
 * or the checkpoint directory), the directory its checkpoints go to and where its last
 * checkpoint is. Refuses a run that has completed.
 *
 * @param config the recorded configuration, keys as the train command's flags
 * @param checkpointDir where the run checkpoints (the recorded {@code checkpoint-dir},
 *     else the run's directory under the home)
 * @param lastCheckpoint where the run's last checkpoint was saved, by its
 *     {@code CheckpointSaved} and {@code RunInterrupted} events; null when it saved none
 */
public record ResumePoint(String runId, Map<String, Object> config, Path checkpointDir, Path lastCheckpoint) {
    private static final EventJson JSON = new EventJson();

    public ResumePoint {
        config = Map.copyOf(config);
    }

    /**
     * Reads run {@code runId}'s journal under {@code home}.
     *
     * @throws IllegalArgumentException naming the run and what to do when it has no
     *     journal, never started, or already completed
     */
    public static ResumePoint read(Path home, String runId, Consumer<String> warnings) {
        RunIds.requireValid(runId);
        Path file = JournalLayout.journalFile(home, runId);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("run " + runId + " has no journal under " + home
                    + "; list the runs with ./adr runs list --home " + home);
        }
        JournalSource.requireNoWriter(home, runId);
        List<Event> events = JournalReader.read(file, warnings);
        RunStarted started = events.stream().filter(e -> e.type().equals(EventType.RUN_STARTED.wireName()))
                .reduce((first, later) -> later).map(e -> JSON.payload(e, RunStarted.class))
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " never started training (no"
                        + " RunStarted in " + file + "); start a new run instead"));
        Object dir = started.config().get("checkpoint-dir");
        Path checkpoints = dir == null ? JournalLayout.checkpointDirectory(home, runId) : Path.of(dir.toString());
        Path last = lastCheckpoint(events);
        Optional<Event> lastLifecycle = events.stream().filter(ResumePoint::lifecycle).reduce((a, b) -> b);
        if (lastLifecycle.isPresent() && lastLifecycle.get().type().equals(EventType.RUN_COMPLETED.wireName())) {
            throw new IllegalArgumentException("run " + runId + " already completed; to train it longer, start a new"
                    + " run from its checkpoint with its settings and more epochs: ./adr train --resume-from "
                    + (last != null ? last : checkpoints) + " --epochs N (./adr runs show " + runId
                    + " lists its settings)");
        }
        return new ResumePoint(runId, started.config(), checkpoints, last);
    }

    private static Path lastCheckpoint(List<Event> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            Event e = events.get(i);
            String path = null;
            if (e.type().equals(EventType.CHECKPOINT_SAVED.wireName())) {
                path = JSON.payload(e, CheckpointSaved.class).path();
            } else if (e.type().equals(EventType.RUN_INTERRUPTED.wireName())) {
                path = JSON.payload(e, RunInterrupted.class).checkpoint();
            }
            if (path != null) {
                return Path.of(path);
            }
        }
        return null;
    }

    private static boolean lifecycle(Event e) {
        return List.of(EventType.RUN_STARTED, EventType.RUN_COMPLETED, EventType.RUN_FAILED,
                EventType.RUN_INTERRUPTED).stream().anyMatch(t -> t.wireName().equals(e.type()));
    }
}

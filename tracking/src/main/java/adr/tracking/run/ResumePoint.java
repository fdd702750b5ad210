package adr.tracking.run;

import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.events.EventType;
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
 * What a resume needs from a run's journal: the configuration its first {@code RunStarted}
 * recorded and the directory its checkpoints go to. Refuses a run that has completed.
 *
 * @param config the recorded configuration, keys as the train command's flags
 * @param checkpointDir where the run checkpoints (the recorded {@code checkpoint-dir},
 *     else the run's directory under the home)
 */
public record ResumePoint(String runId, Map<String, Object> config, Path checkpointDir) {
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
                .findFirst().map(e -> JSON.payload(e, RunStarted.class))
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " never started training (no"
                        + " RunStarted in " + file + "); start a new run instead"));
        Object dir = started.config().get("checkpoint-dir");
        Path checkpoints = dir == null ? JournalLayout.checkpointDirectory(home, runId) : Path.of(dir.toString());
        Optional<Event> lastLifecycle = events.stream().filter(ResumePoint::lifecycle).reduce((a, b) -> b);
        if (lastLifecycle.isPresent() && lastLifecycle.get().type().equals(EventType.RUN_COMPLETED.wireName())) {
            throw new IllegalArgumentException("run " + runId + " already completed; to train it longer, start a new"
                    + " run from its checkpoint with its settings and more epochs: ./adr train --resume-from "
                    + checkpoints + " --epochs N (./adr runs show " + runId + " lists its settings)");
        }
        return new ResumePoint(runId, started.config(), checkpoints);
    }

    private static boolean lifecycle(Event e) {
        return List.of(EventType.RUN_STARTED, EventType.RUN_COMPLETED, EventType.RUN_FAILED,
                EventType.RUN_INTERRUPTED).stream().anyMatch(t -> t.wireName().equals(e.type()));
    }
}

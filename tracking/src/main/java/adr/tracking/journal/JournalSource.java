package adr.tracking.journal;

import adr.spi.events.Event;
import adr.tracking.events.EventSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Replays the journals of every run under an ADR home, run by run in the order of their ids. */
public final class JournalSource implements EventSource {
    private final Path home;

    public JournalSource(Path home) {
        this.home = home;
    }

    @Override
    public void replay(Consumer<Event> events, Consumer<String> warnings) {
        for (String runId : runIds()) {
            JournalReader.read(JournalLayout.journalFile(home, runId), warnings).forEach(events);
        }
    }

    /** Run ids with a journal under the home, sorted; empty when the home does not exist. */
    public List<String> runIds() {
        if (!Files.isDirectory(home)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(home)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(JournalLayout.JOURNAL_FILE)))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(home + " cannot be listed (" + e.getMessage() + "); check --home", e);
        }
    }

    /** True while a live process holds the run's writer lock. */
    public static boolean writerAlive(Path home, String runId) {
        return RunLock.held(JournalLayout.lockFile(home, runId));
    }

    /**
     * Refuses a run a live process is writing, before anything is read or trained for it.
     *
     * @throws RunInUseException naming the writer's pid
     */
    public static void requireNoWriter(Path home, String runId) {
        Path lockFile = JournalLayout.lockFile(home, runId);
        if (RunLock.held(lockFile)) {
            throw new RunInUseException(runId, RunLock.holder(lockFile));
        }
    }

    @Override
    public String describe() {
        return "journals under " + home;
    }
}

package adr.tracking.journal;

import java.nio.file.Path;

/**
 * Where a run's files live under the ADR home: {@code HOME/RUN/events.jsonl} (the
 * journal), {@code HOME/RUN/writer.lock} (held while a process writes the run) and
 * {@code HOME/RUN/checkpoint} (the run's latest checkpoint).
 */
public final class JournalLayout {
    /** The default ADR home, relative to the working directory. */
    public static final Path DEFAULT_HOME = Path.of("runs");
    /** The journal's name inside its run's directory. */
    public static final String JOURNAL_FILE = "events.jsonl";

    private JournalLayout() {
    }

    public static Path runDirectory(Path home, String runId) {
        return home.resolve(runId);
    }

    public static Path journalFile(Path home, String runId) {
        return runDirectory(home, runId).resolve(JOURNAL_FILE);
    }

    public static Path lockFile(Path home, String runId) {
        return runDirectory(home, runId).resolve("writer.lock");
    }

    public static Path checkpointDirectory(Path home, String runId) {
        return runDirectory(home, runId).resolve("checkpoint");
    }
}

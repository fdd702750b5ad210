package adr.cli.runs;

import adr.core.WritableDirectory;
import adr.tracking.journal.JournalLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a {@code --home}: for the runs commands, so a typo is named rather than listed as
 * "no runs"; for training, so a run does not land inside another run's directory.
 */
public final class HomeDirectory {

    private HomeDirectory() {
    }

    /**
     * Refuses a home that cannot hold runs: a missing directory (the default {@code ./runs}
     * excepted: before the first run it does not exist yet), a file, or one run's own
     * directory.
     *
     * @throws IllegalArgumentException one line naming the problem and the fix
     */
    static void requireReadable(Path home) {
        if (!Files.exists(home) && !home.equals(JournalLayout.DEFAULT_HOME)) {
            throw new IllegalArgumentException("--home " + home + ": no such directory; pass the directory the runs"
                    + " were trained with (default ./runs)");
        }
        requireNotFileOrRun(home);
    }

    /**
     * Refuses a home a run cannot be written to: a file, one run's own directory, or a place
     * where no file can be created (its nearest existing directory is tried). A home that
     * does not exist yet is fine: the run creates it.
     *
     * @throws IllegalArgumentException one line naming the problem and the fix
     */
    public static void requireWritable(Path home) {
        requireNotFileOrRun(home);
        Path existing = home.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isDirectory(existing)) {
            Path dir = existing;
            WritableDirectory.problem(dir).ifPresent(problem -> {
                throw new IllegalArgumentException("--home " + home + ": no file can be created in " + dir + " ("
                        + problem + "); pass a writable directory for the run journals (default ./runs)");
            });
        }
    }

    private static void requireNotFileOrRun(Path home) {
        if (Files.exists(home) && !Files.isDirectory(home)) { // a regular file, or a device such as /dev/null
            throw new IllegalArgumentException("--home " + home + " is a file; pass the directory of the run journals"
                    + " (default ./runs)");
        }
        if (Files.isRegularFile(home.resolve(JournalLayout.JOURNAL_FILE))) {
            Path parent = home.toAbsolutePath().getParent();
            throw new IllegalArgumentException("--home " + home + " is one run's directory; pass the directory"
                    + " holding the runs: --home " + parent);
        }
    }
}

package adr.cli;

import adr.core.WritableDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Output files named on the command line, checked before minutes of training or benchmarking, not after. */
public final class OutputFile {

    private OutputFile() {
    }

    /**
     * Refuses a path that cannot become a file: a directory, or a file in a directory that is
     * missing or not writable. Null (the option not given) passes.
     *
     * @param option the flag that named the file, for the message, such as {@code --json}
     * @throws IllegalArgumentException one line naming the problem and the fix
     */
    public static void requireWritable(String option, Path file) {
        if (file == null) {
            return;
        }
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " " + absolute + ": is a directory; give a file name");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + absolute + ": directory " + dir
                    + " does not exist; create it or pick another file");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new IllegalArgumentException(option + " " + absolute + ": not writable; pick another file");
        }
        WritableDirectory.problem(dir).ifPresent(problem -> {
            throw new IllegalArgumentException(option + " " + absolute + ": no file can be created in " + dir + " ("
                    + problem + "); pick another directory");
        });
    }

    /**
     * Writes {@code value} as indented JSON to {@code file}.
     *
     * @param option the flag that named the file, for the message
     * @throws UncheckedIOException one line naming the file, the cause and the fix
     */
    public static void writeJson(String option, Path file, Object value) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath() + " (" + e.getMessage()
                    + "); pass " + option + " a writable file", e);
        }
    }
}

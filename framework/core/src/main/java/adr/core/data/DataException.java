package adr.core.data;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * A dataset that cannot be read, with a message meant for the person running the tool.
 *
 * <p>Every message is one line: the absolute path of the file or directory at fault,
 * what is wrong with it, and what to do about it. The command line prints the message
 * alone, without a stack trace, so the line has to be enough to act on. Line breaks
 * that sneak in (for example from an underlying exception's text) are flattened so a
 * log line never tears.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem with {@code file}; {@code problemAndFix} reads like "bad X; do Y". */
    public DataException(Path file, String problemAndFix) {
        super(oneLine(file.toAbsolutePath() + ": " + problemAndFix));
    }

    /** As {@link #DataException(Path, String)}, keeping the I/O error that caused it. */
    public DataException(Path file, String problemAndFix, Throwable cause) {
        super(oneLine(file.toAbsolutePath() + ": " + problemAndFix), cause);
    }

    /** A problem that names no file, such as an unknown dataset spec. */
    public DataException(String problemAndFix) {
        super(oneLine(problemAndFix));
    }

    /** Why {@code path}, which should be a directory, is not one: missing, or a file. */
    static String notADirectory(Path path) {
        return Files.exists(path) ? "is a file, not a directory" : "directory not found";
    }

    /** Turns an I/O failure into a one-line message; gzip failures mean a damaged download. */
    static DataException forIo(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException(file, "file not found; check the path", e);
        }
        if (e instanceof AccessDeniedException) {
            return new DataException(file, "permission denied; make the file readable", e);
        }
        if (e instanceof EOFException) {
            return new DataException(file, "truncated: the gzip stream ends early; re-download the file", e);
        }
        if (e instanceof ZipException) {
            return new DataException(file, "corrupt gzip data (" + e.getMessage() + "); re-download the file", e);
        }
        return new DataException(file, "cannot read (" + e + "); check the file and its permissions", e);
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}

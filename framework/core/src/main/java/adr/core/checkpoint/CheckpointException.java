package adr.core.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint that cannot be written, read or restored, with a message meant for the
 * person running the tool.
 *
 * <p>Every message is one line naming the file or directory at fault, what is wrong and
 * what to do about it: the command line prints the message alone, without a stack trace.
 * Line breaks from underlying exceptions are flattened so a log line never tears.
 */
public final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem with {@code file}; {@code problemAndFix} reads like "bad X; do Y". */
    public CheckpointException(Path file, String problemAndFix) {
        super(oneLine(file.toAbsolutePath() + ": " + problemAndFix));
    }

    /** As {@link #CheckpointException(Path, String)}, keeping the error that caused it. */
    public CheckpointException(Path file, String problemAndFix, Throwable cause) {
        super(oneLine(file.toAbsolutePath() + ": " + problemAndFix), cause);
    }

    /** A complete message, for problems that name no file or phrase the file themselves. */
    public CheckpointException(String message) {
        super(oneLine(message));
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}

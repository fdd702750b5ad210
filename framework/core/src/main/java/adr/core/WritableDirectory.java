package adr.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether files can be created in a directory, found by creating one. Permission bits do
 * not tell: root may write anywhere they say, yet not into {@code /proc} or a read-only
 * mount, and such an output would fail only after the training it was meant to keep.
 */
public final class WritableDirectory {

    private WritableDirectory() {
    }

    /** Why no file can be created in {@code dir}, or empty when one can (the probe file is deleted again). */
    public static Optional<String> problem(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".adr-write-probe", null));
            return Optional.empty();
        } catch (FileSystemException e) {
            return Optional.of(reason(e)); // its message would name the probe file, not the problem
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason(); // such as "Read-only file system"
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    }
}

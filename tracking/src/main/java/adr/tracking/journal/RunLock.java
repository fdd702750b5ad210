package adr.tracking.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a process holds on {@code writer.lock} while it writes a run. The operating
 * system drops it when the process dies, however it dies, so a reader that can take the
 * lock knows the writer is gone: that is how a killed run is told from a running one.
 */
final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run's lock and writes this process's id into the file, for messages. */
    static RunLock acquire(Path lockFile, String runId) {
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new RunInUseException(runId, holder(lockFile));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(lockFile + " cannot be locked (" + e.getMessage()
                    + "); check that the ADR home is writable", e);
        }
    }

    /** True while some process holds the lock on {@code lockFile}. */
    static boolean held(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process writes the run
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(lockFile + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this process already
        }
    }

    /** The holder's pid as its lock file names it, for messages. */
    static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile).strip();
        } catch (IOException e) {
            return "unknown pid";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package adr.tracking.journal;

import adr.spi.events.Event;
import adr.spi.events.EventSink;
import adr.tracking.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run's append-only journal, the sink every event reaches first.
 *
 * <p>Each event is written to the file as it is published (one {@code write} per line),
 * so a process killed at any moment leaves every published event in the file, with at
 * most a torn last line. {@link #flush} forces the file to the disk; the journal also
 * forces it on publish when the last force is a second old, and the run forces it at
 * each epoch end and checkpoint, so a machine crash loses at most about a second.
 *
 * <p>While open, the journal holds the run's {@code writer.lock}. Thread-safe.
 */
public final class Journal implements EventSink {
    private static final long FORCE_INTERVAL_MILLIS = 1000;

    private final Path file;
    private final FileChannel channel;
    private final RunLock lock;
    private final EventJson json;
    private final Clock clock;
    private final List<Event> existing;
    private Instant lastForce;

    private Journal(Path file, FileChannel channel, RunLock lock, EventJson json, Clock clock, List<Event> existing) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.json = json;
        this.clock = clock;
        this.existing = List.copyOf(existing);
        this.lastForce = clock.instant();
    }

    /** Starts the journal of a new run; refuses a run id that already has one. */
    public static Journal create(Path home, String runId, EventJson json, Clock clock) {
        Path file = JournalLayout.journalFile(home, runId);
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " already exists; a new run needs a new run id (or resume it with"
                    + " --resume " + runId + ")");
        }
        return open(home, runId, json, clock, s -> { }, new JournalReader.Scan(List.of(), 0, List.of()));
    }

    /**
     * Continues the journal of an earlier run. A torn last line is moved to
     * {@code events.jsonl.torn-SIZE} (nothing recorded is deleted) and cut from the journal
     * so the new lines start on a line of their own; every problem goes to {@code warnings}.
     */
    public static Journal reopen(Path home, String runId, EventJson json, Clock clock, Consumer<String> warnings) {
        Path file = JournalLayout.journalFile(home, runId);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("run " + runId + " has no journal at " + file
                    + "; list the runs with ./adr runs list --home " + home);
        }
        return open(home, runId, json, clock, warnings, null);
    }

    private static Journal open(Path home, String runId, EventJson json, Clock clock, Consumer<String> warnings,
            JournalReader.Scan fresh) {
        Path file = JournalLayout.journalFile(home, runId);
        try {
            Files.createDirectories(file.getParent());
            RunLock lock = RunLock.acquire(JournalLayout.lockFile(home, runId), runId);
            // scanned under the lock: no other writer can append between the scan and the cut
            JournalReader.Scan scan = fresh != null ? fresh : JournalReader.scan(file);
            scan.problems().forEach(warnings);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            keepTornTail(file, channel, scan.completeLength(), warnings);
            channel.position(channel.size());
            return new Journal(file, channel, lock, json, clock, scan.events());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be opened (" + e.getMessage()
                    + "); check that the ADR home is writable", e);
        }
    }

    private static void keepTornTail(Path file, FileChannel channel, long completeLength, Consumer<String> warnings)
            throws IOException {
        long size = channel.size();
        if (size <= completeLength) {
            return;
        }
        Path aside = file.resolveSibling(file.getFileName() + ".torn-" + size);
        ByteBuffer tail = ByteBuffer.allocate((int) (size - completeLength));
        channel.read(tail, completeLength);
        Files.write(aside, tail.array());
        channel.truncate(completeLength);
        channel.force(true);
        warnings.accept(file + ": the torn last line (" + tail.capacity() + " bytes) was moved to " + aside);
    }

    /** The events the journal held when it was opened, in file order. */
    public List<Event> existingEvents() {
        return existing;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void publish(Event event) {
        ByteBuffer line = ByteBuffer.wrap(JournalLine.encode(json.encode(event)));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            if (clock.millis() - lastForce.toEpochMilli() >= FORCE_INTERVAL_MILLIS) {
                force();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be written (" + e.getMessage()
                    + "); check the disk space of the ADR home", e);
        }
    }

    /** Forces everything written so far to the disk. */
    @Override
    public synchronized void flush() {
        try {
            force();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be synced (" + e.getMessage() + ")", e);
        }
    }

    private void force() throws IOException {
        channel.force(false);
        lastForce = clock.instant();
    }

    @Override
    public synchronized void close() {
        try (lock) {
            if (channel.isOpen()) {
                force();
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be closed (" + e.getMessage() + ")", e);
        }
    }
}

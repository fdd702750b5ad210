package adr.cli.runs;

import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.events.EventPayload;
import adr.tracking.events.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * Writes a run's journal the way the journal writer does (one line per event: CRC32C of
 * the JSON in eight hex digits, a space, the JSON), without holding the writer lock, so
 * the run reads as written by a process that is gone.
 */
final class JournalFiles {
    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final EventJson JSON = new EventJson();

    private final Path file;
    private final String runId;
    private final Instant start;
    private long seq;

    JournalFiles(Path home, String runId) {
        this(home, runId, T0);
    }

    /** A run whose first event is at {@code start}. */
    JournalFiles(Path home, String runId, Instant start) {
        this.file = home.resolve(runId).resolve("events.jsonl");
        this.runId = runId;
        this.start = start;
    }

    /** Appends the payload as the run's next event, a second after the previous one. */
    JournalFiles add(EventPayload payload) throws IOException {
        Event event = new Event(EventJson.SCHEMA, UUID.randomUUID().toString(), runId, seq,
                EventType.of(payload).wireName(), start.plusSeconds(seq), JSON.toMap(payload));
        seq++;
        return append(line(JSON.encode(event)));
    }

    /** Appends raw bytes, for torn or damaged lines. */
    JournalFiles append(String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return this;
    }

    static String line(String json) {
        CRC32C crc = new CRC32C();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue()) + " " + json + "\n";
    }
}

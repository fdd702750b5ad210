package adr.tracking.journal;

import adr.spi.events.Event;
import adr.tracking.events.EventFormatException;
import adr.tracking.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a journal back. A last line without its line feed is torn (the writer died
 * mid-write); a complete line whose checksum or JSON is wrong is corrupt. Either is
 * reported as a warning naming the file and line, and every other line is kept.
 */
public final class JournalReader {
    private static final EventJson JSON = new EventJson();

    private JournalReader() {
    }

    /**
     * What a journal file holds.
     *
     * @param completeLength bytes up to the end of the last line that has its line feed;
     *     a writer continuing the journal cuts the file here
     * @param problems one message per torn or corrupt line
     */
    public record Scan(List<Event> events, long completeLength, List<String> problems) {
        public Scan {
            events = List.copyOf(events);
            problems = List.copyOf(problems);
        }
    }

    /** The events of {@code journalFile}; torn and corrupt lines go to {@code warnings}. */
    public static List<Event> read(Path journalFile, Consumer<String> warnings) {
        Scan scan = scan(journalFile);
        scan.problems().forEach(warnings);
        return scan.events();
    }

    /** Reads {@code journalFile} whole; a missing file reads as empty. */
    public static Scan scan(Path journalFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(journalFile);
        } catch (NoSuchFileException e) {
            return new Scan(List.of(), 0, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(journalFile + " cannot be read (" + e.getMessage()
                    + "); check its permissions", e);
        }
        List<Event> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < bytes.length) {
            lineNumber++;
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                problems.add(journalFile + " line " + lineNumber + ": torn (the writer stopped in the middle of it); "
                        + events.size() + " events before it are kept");
                break;
            }
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            try {
                events.add(JSON.decode(JournalLine.decode(line)));
            } catch (IllegalArgumentException | EventFormatException e) {
                problems.add(journalFile + " line " + lineNumber + ": corrupt (" + e.getMessage()
                        + "); skipped, every other line is kept");
            }
            start = end + 1;
        }
        return new Scan(events, lastLineEnd(bytes), problems);
    }

    private static long lastLineEnd(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}

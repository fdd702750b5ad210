package adr.tracking.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final EventJson json = new EventJson();

    private static Event event(long seq) {
        return new Event(1, "id-" + seq, "run-1", seq, "Heartbeat", Instant.parse("2026-11-26T12:00:00Z"),
                Map.of("epoch", 1, "globalStep", (int) seq));
    }

    private Path writeThree(Path home) {
        try (Journal journal = Journal.create(home, "run-1", json, CLOCK)) {
            for (long seq = 0; seq < 3; seq++) {
                journal.publish(event(seq));
            }
            return journal.file();
        }
    }

    @Test
    void eventsReadBackInOrderAndUnchanged(@TempDir Path home) {
        Path file = writeThree(home);
        List<String> warnings = new ArrayList<>();

        assertThat(JournalReader.read(file, warnings::add)).containsExactly(event(0), event(1), event(2));
        assertThat(warnings).isEmpty();
        assertThat(file).isEqualTo(JournalLayout.journalFile(home, "run-1"));
    }

    @Test
    void aTornLastLineIsReportedAndEveryLineBeforeItKept(@TempDir Path home) throws IOException {
        Path file = writeThree(home);
        Files.writeString(file, "1234abcd {\"schema\":1,\"eventId\"", StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();

        assertThat(JournalReader.read(file, warnings::add)).hasSize(3);
        assertThat(warnings).singleElement().asString().contains("line 4").contains("torn")
                .contains("3 events before it are kept");
    }

    @Test
    void aCorruptLineIsReportedAndSkippedAndTheOthersKept(@TempDir Path home) throws IOException {
        Path file = writeThree(home);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("\"globalStep\":1", "\"globalStep\":7")); // still JSON, wrong checksum
        Files.write(file, lines);
        List<String> warnings = new ArrayList<>();

        assertThat(JournalReader.read(file, warnings::add)).extracting(Event::seq).containsExactly(0L, 2L);
        assertThat(warnings).singleElement().asString().contains("line 2").contains("checksum mismatch");
    }

    @Test
    void aLineWithoutChecksumOrEnvelopeIsCorrupt(@TempDir Path home) throws IOException {
        Path file = writeThree(home);
        Files.writeString(file, "not a journal line\n", StandardOpenOption.APPEND);
        String noEnvelope = "{\"schema\":1}";
        Files.writeString(file, JournalLineTestAccess.line(noEnvelope), StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();

        assertThat(JournalReader.read(file, warnings::add)).hasSize(3);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("line 4").contains("no checksum prefix");
        assertThat(warnings.get(1)).contains("line 5").contains("envelope field 'eventId' is missing");
    }

    @Test
    void reopeningSetsATornTailAsideAndAppendsOnAFreshLine(@TempDir Path home) throws IOException {
        Path file = writeThree(home);
        Files.write(file, "deadbeef {\"torn".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();

        try (Journal journal = Journal.reopen(home, "run-1", json, CLOCK, warnings::add)) {
            assertThat(journal.existingEvents()).hasSize(3);
            journal.publish(event(3));
        }

        assertThat(JournalReader.read(file, warnings::add)).extracting(Event::seq).containsExactly(0L, 1L, 2L, 3L);
        assertThat(warnings).anyMatch(w -> w.contains("moved to"));
        try (var aside = Files.list(file.getParent())) {
            Path torn = aside.filter(p -> p.getFileName().toString().startsWith("events.jsonl.torn-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(torn)).isEqualTo("deadbeef {\"torn");
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheRun(@TempDir Path home) {
        try (Journal first = Journal.create(home, "run-1", json, CLOCK)) {
            assertThat(JournalSource.writerAlive(home, "run-1")).isTrue();
            assertThatThrownBy(() -> Journal.reopen(home, "run-1", json, CLOCK, w -> { }))
                    .hasMessageContaining("run run-1 is being written by another process");
        }
        assertThat(JournalSource.writerAlive(home, "run-1")).isFalse();
    }

    @Test
    void aNewRunRefusesAnIdThatHasAJournal(@TempDir Path home) {
        writeThree(home);

        assertThatThrownBy(() -> Journal.create(home, "run-1", json, CLOCK))
                .hasMessageContaining("already exists").hasMessageContaining("--resume run-1");
    }

    @Test
    void theSourceReplaysEveryRunUnderTheHome(@TempDir Path home) {
        writeThree(home);
        List<Event> seen = new ArrayList<>();

        new JournalSource(home).replay(seen::add, w -> { });

        assertThat(seen).hasSize(3);
        assertThat(new JournalSource(home.resolve("missing")).runIds()).isEmpty();
    }
}

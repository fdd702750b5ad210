package adr.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker launcher's options; the broker itself runs in the tracking module's Kafka tests. */
class LocalKafkaTest {

    @Test
    void defaultsToPort9092WithItsDataUnderTheTemporaryDirectory() {
        LocalKafka kafka = LocalKafka.fromArgs(new String[0]);

        assertThat(kafka.port()).isEqualTo(9092);
        assertThat(kafka.data()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "adr-kafka-9092"));
    }

    @Test
    void takesPortAndDataDirectory() {
        LocalKafka kafka = LocalKafka.fromArgs(new String[] {"--port", "19092", "--data", "/srv/kafka"});

        assertThat(kafka.port()).isEqualTo(19092);
        assertThat(kafka.data()).isEqualTo(Path.of("/srv/kafka"));
    }

    @Test
    void anUnknownOptionPointsToTheHelp() {
        assertThatThrownBy(() -> LocalKafka.fromArgs(new String[] {"--topic", "x"}))
                .hasMessage("unknown option '--topic'; use --port P (default 9092) and --data DIR"
                        + " (./adr kafka --help)");
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        LocalKafka kafka = LocalKafka.fromArgs(new String[] {"--data", file.resolve("kafka").toString()});

        assertThatThrownBy(kafka::createDataDirectory).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--data " + file.resolve("kafka") + ": cannot create the directory (")
                .hasMessageEndingWith("); give a writable directory");
    }

    @Test
    void helpIsAskedForByEitherSpelling() {
        assertThat(LocalKafka.asksForHelp(new String[] {"--port", "1", "-h"})).isTrue();
        assertThat(LocalKafka.asksForHelp(new String[] {"--help"})).isTrue();
        assertThat(LocalKafka.asksForHelp(new String[] {"--port", "9092"})).isFalse();
    }
}

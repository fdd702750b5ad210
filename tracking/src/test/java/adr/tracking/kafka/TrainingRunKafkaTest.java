package adr.tracking.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.core.train.StepReport;
import adr.core.train.TrainingListener;
import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import adr.tracking.journal.JournalSource;
import adr.tracking.projection.RunHistory;
import adr.tracking.projection.RunRegistry;
import adr.tracking.projection.RunStatus;
import adr.tracking.run.TrainingRunEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real training runs publishing to a real broker: every journal event reaches the topic
 * in order, projections rebuilt from Kafka equal those from the journal, and a broker
 * stopped in the middle of the run loses nothing and duplicates nothing.
 */
class TrainingRunKafkaTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @BeforeAll
    static void needsFashionMnist() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist; ./adr test does it)");
    }

    /** Every record of {@code topic}, read by a plain consumer of its own. */
    private static List<ConsumerRecord<String, String>> readTopic(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add); // anything beyond the expected count
        }
        return records;
    }

    private static List<Event> journal(Path home, String runId) {
        return JournalReader.read(JournalLayout.journalFile(home, runId), w -> { });
    }

    private static RunHistory fromKafka(String topic, String runId) {
        return RunRegistry.replay(new KafkaSource(KAFKA.settings(topic)), w -> { }, Clock.systemUTC(), null)
                .find(runId).orElseThrow();
    }

    private static RunHistory fromJournal(Path home, String runId) {
        return RunRegistry.replay(new JournalSource(home), w -> { }, Clock.systemUTC(),
                id -> JournalSource.writerAlive(home, id)).find(runId).orElseThrow();
    }

    @Test
    void everyEventOfARunArrivesInOrderWithItsEnvelopeAndReplaysToTheSameHistory(@TempDir Path home)
            throws Exception {
        String topic = "adr.events.in-order";
        TrainingRunEvents.train(home, "run-k", TrainingRunEvents.config("fixed", null),
                List.of(new KafkaSink(KAFKA.settings(topic), new EventJson())));
        List<Event> journal = journal(home, "run-k");

        List<ConsumerRecord<String, String>> records = readTopic(topic, journal.size());

        assertThat(records).hasSize(journal.size());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> r = records.get(i);
            assertThat(r.key()).isEqualTo("run-k");
            JsonNode node = mapper.readTree(r.value());
            for (String field : List.of("schema", "eventId", "runId", "seq", "type", "time", "payload")) {
                assertThat(node.has(field)).as(field).isTrue();
            }
            assertThat(node.get("seq").asLong()).isEqualTo(i);
            assertThat(new EventJson().decode(r.value())).isEqualTo(journal.get(i));
        }
        RunHistory kafka = fromKafka(topic, "run-k");
        assertThat(kafka.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(kafka).isEqualTo(fromJournal(home, "run-k"));
    }

    /** Stops the broker after the second step and starts it again after the fourth. */
    private static final class BrokerOutage implements TrainingListener {
        @Override
        public void onStep(StepReport step) {
            try {
                if (step.globalStep() == 1) {
                    KAFKA.stopBroker();
                } else if (step.globalStep() == 3) {
                    KAFKA.startBroker();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aBrokerStoppedMidRunLosesNoEventAndDuplicatesNoneInProjections(@TempDir Path home) {
        String topic = "adr.events.outage";
        KafkaSink sink = new KafkaSink(KAFKA.settings(topic), new EventJson());
        TrainingRunEvents.train(home, "run-o", TrainingRunEvents.config("exact", null), List.of(sink),
                new BrokerOutage());
        List<Event> journal = journal(home, "run-o");

        assertThat(sink.undelivered()).isZero();
        List<ConsumerRecord<String, String>> records = readTopic(topic, journal.size());
        assertThat(records.stream().map(r -> new EventJson().decode(r.value()).seq()).distinct())
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, journal.size()).boxed().toList());
        RunRegistry registry = RunRegistry.replay(new KafkaSource(KAFKA.settings(topic)), w -> { },
                Clock.systemUTC(), null);
        RunHistory kafka = registry.find("run-o").orElseThrow();
        assertThat(kafka.eventCount()).isEqualTo(journal.size());
        assertThat(kafka.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(kafka).isEqualTo(fromJournal(home, "run-o"));
    }
}

package adr.tracking.kafka;

import static adr.tracking.kafka.TestEvents.steps;
import static org.assertj.core.api.Assertions.assertThat;

import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaSourceTest {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private final List<Event> replayed = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void replaysWhatTheSinkWrote() {
        List<Event> runA = steps("run-a", 0, 12);
        List<Event> runB = steps("run-b", 0, 5);
        try (KafkaSink sink = new KafkaSink(kafka.settings("source-sink"), new EventJson())) {
            for (int i = 0; i < runA.size(); i++) {
                sink.publish(runA.get(i));
                if (i < runB.size()) {
                    sink.publish(runB.get(i));
                }
            }
        }

        new KafkaSource(kafka.settings("source-sink")).replay(replayed::add, warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(replayed.stream().filter(e -> e.runId().equals("run-a"))).containsExactlyElementsOf(runA);
        assertThat(replayed.stream().filter(e -> e.runId().equals("run-b"))).containsExactlyElementsOf(runB);
    }

    @Test
    void aRecordThatIsNotAnEventBecomesAWarning() throws Exception {
        Event event = TestEvents.step("run-g", 0);
        try (KafkaProducer<String, String> producer = plainProducer()) {
            producer.send(new ProducerRecord<>("source-garbage", "run-g", "{not json")).get();
            producer.send(new ProducerRecord<>("source-garbage", "run-g", new EventJson().encode(event))).get();
            producer.send(new ProducerRecord<>("source-garbage", "run-g", null)).get();
        }

        new KafkaSource(kafka.settings("source-garbage")).replay(replayed::add, warnings::add);

        assertThat(replayed).containsExactly(event);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("topic source-garbage partition 0 offset 0").contains("not JSON");
        assertThat(warnings.get(1)).contains("topic source-garbage partition 0 offset 2");
    }

    @Test
    void aMissingTopicGivesNoEventsAndOneWarning() {
        KafkaSource source = new KafkaSource(kafka.settings("source-missing"));

        source.replay(replayed::add, warnings::add);

        assertThat(replayed).isEmpty();
        assertThat(warnings).singleElement().asString().contains("source-missing").contains("does not exist");
        assertThat(source.describe()).isEqualTo("kafka " + kafka.bootstrapServers() + " source-missing");
    }

    private KafkaProducer<String, String> plainProducer() throws Exception {
        try (var admin = kafka.admin()) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("source-garbage", 1, (short) 1)))
                    .all().get();
        }
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}

package adr.tracking.kafka;

import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Events to publish and a plain consumer to read them back, for the Kafka tests. */
final class TestEvents {
    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    private TestEvents() {
    }

    /** A StepMetrics event whose payload uses only values that survive a JSON round trip unchanged. */
    static Event step(String runId, long seq) {
        return new Event(EventJson.SCHEMA, UUID.randomUUID().toString(), runId, seq, "StepMetrics",
                START.plusMillis(seq), Map.of("step", (int) seq, "loss", 2.5 / (seq + 1), "phase", "train"));
    }

    static List<Event> steps(String runId, long from, long to) {
        List<Event> events = new ArrayList<>();
        for (long seq = from; seq < to; seq++) {
            events.add(step(runId, seq));
        }
        return events;
    }

    /** Every record of partition 0 of the topic, read with a plain consumer until {@code count} arrived. */
    static List<ConsumerRecord<String, String>> readRecords(String bootstrap, String topic, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // anything beyond the expected count would be a duplicate: give it a moment to show
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    /** Waits up to {@code timeout} for the condition; false if it never held. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}

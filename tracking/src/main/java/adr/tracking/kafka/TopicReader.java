package adr.tracking.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads a whole topic once: every partition from its beginning up to the end offsets seen at
 * the start, so a topic that keeps growing still gives a finite read. Uses no consumer group
 * and commits nothing.
 */
final class TopicReader {
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaSettings settings;
    private final Duration timeout;

    /** @param timeout how long the broker may stay silent before the read fails */
    TopicReader(KafkaSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * Feeds every record to {@code records}, partition by partition in offset order.
     *
     * @return false when the topic does not exist
     * @throws KafkaUnavailableException when the broker does not answer within the timeout
     */
    boolean read(Consumer<ConsumerRecord<String, String>> records) {
        try (KafkaConsumer<String, String> consumer = open()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(settings.topic());
            if (partitions == null || partitions.isEmpty()) {
                return false;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            drain(consumer, new HashMap<>(consumer.endOffsets(assigned)), records);
            return true;
        } catch (TimeoutException e) {
            throw KafkaUnavailableException.unreachable(settings, "reading topic " + settings.topic(), e);
        }
    }

    private KafkaConsumer<String, String> open() {
        try {
            return new KafkaConsumer<>(ClientConfigs.consumer(settings, timeout));
        } catch (KafkaException e) {
            throw KafkaUnavailableException.unreachable(settings, "connecting", e);
        }
    }

    private void drain(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end,
            Consumer<ConsumerRecord<String, String>> records) {
        long lastProgress = System.nanoTime();
        while (!done(consumer, end)) {
            var batch = consumer.poll(POLL);
            for (ConsumerRecord<String, String> record : batch) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    records.accept(record);
                }
            }
            if (!batch.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                throw new TimeoutException("no records for " + timeout.toSeconds() + " s before the end offsets "
                        + end);
            }
        }
    }

    /** Pauses partitions that reached their end offset; true when all have. */
    private static boolean done(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        boolean all = true;
        for (var entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) >= entry.getValue()) {
                consumer.pause(List.of(entry.getKey()));
            } else {
                all = false;
            }
        }
        return all;
    }
}

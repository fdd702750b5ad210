package adr.tracking.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka client settings of the sink, the sync and the source, in one place. */
final class ClientConfigs {
    // The clients reconnect to a down broker at most this often; each failed attempt logs a
    // line at WARN in NetworkClient, so a slower pace keeps an outage from flooding the log.
    private static final String RECONNECT_BACKOFF_MAX_MS = "3000";
    private static final int REQUEST_TIMEOUT_MS = 15_000;

    private ClientConfigs() {
    }

    /**
     * An idempotent producer that waits for all in-sync replicas. Per partition, retries keep
     * the order and write no duplicates, which is what lets the sink retry for as long as the
     * broker is away.
     *
     * @param deliveryTimeout how long one record may take from send to acknowledgement,
     *        retries included, before the producer gives up on it
     * @param maxBlock how long {@code send} may wait for topic metadata or buffer space
     */
    static Map<String, Object> producer(KafkaSettings settings, Duration deliveryTimeout, Duration maxBlock) {
        Map<String, Object> config = common(settings);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(deliveryTimeout));
        // the producer requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(REQUEST_TIMEOUT_MS,
                millis(deliveryTimeout) / 2));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(maxBlock));
        // a few milliseconds of batching: step metrics come in bursts of one event per few steps
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    /** A consumer without a group: readers assign partitions themselves and commit nothing. */
    static Map<String, Object> consumer(KafkaSettings settings, Duration timeout) {
        Map<String, Object> config = common(settings);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // read past transaction markers of other writers but skip their aborted records
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(timeout));
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(timeout));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }

    static Map<String, Object> admin(KafkaSettings settings, Duration timeout) {
        Map<String, Object> config = common(settings);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(timeout));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(timeout));
        return config;
    }

    private static Map<String, Object> common(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
        return config;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}

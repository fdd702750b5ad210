package adr.tracking.kafka;

import adr.spi.events.Event;
import adr.tracking.events.EventFormatException;
import adr.tracking.events.EventJson;
import adr.tracking.events.EventSource;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Replays the events topic: every partition from the beginning up to the end offsets seen at
 * the start. A record that is not an event becomes a warning naming its topic, partition and
 * offset; a missing topic means no events and one warning.
 */
public final class KafkaSource implements EventSource {
    /** How long the broker may stay silent before a replay fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaSettings settings;
    private final Duration timeout;
    private final EventJson json = new EventJson();

    public KafkaSource(KafkaSettings settings) {
        this(settings, DEFAULT_TIMEOUT);
    }

    /** @param timeout how long the broker may stay silent before {@link #replay} fails */
    KafkaSource(KafkaSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * @throws KafkaUnavailableException when the broker does not answer within about 10 s
     */
    @Override
    public void replay(Consumer<Event> events, Consumer<String> warnings) {
        boolean exists = new TopicReader(settings, timeout).read(record -> decode(record, events, warnings));
        if (!exists) {
            warnings.accept("Kafka topic " + settings.topic() + " does not exist on " + settings.bootstrap()
                    + "; no events to replay (nothing was published yet, or pass the topic the runs use)");
        }
    }

    @Override
    public String describe() {
        return "kafka " + settings.bootstrap() + " " + settings.topic();
    }

    private void decode(ConsumerRecord<String, String> record, Consumer<Event> events, Consumer<String> warnings) {
        if (record.value() == null) {
            warnings.accept(place(record) + ": empty record skipped (not written by ADR)");
            return;
        }
        Event event;
        try {
            event = json.decode(record.value());
        } catch (EventFormatException e) {
            warnings.accept(place(record) + ": not an ADR event (" + e.getMessage() + "); skipped");
            return;
        }
        events.accept(event);
    }

    private static String place(ConsumerRecord<String, String> record) {
        return "Kafka topic " + record.topic() + " partition " + record.partition() + " offset " + record.offset();
    }
}

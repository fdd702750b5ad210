package adr.tracking.kafka;

import adr.spi.events.Event;
import adr.tracking.events.EventFormatException;
import adr.tracking.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Brings the topic up to date with a run's journal: publishes, in {@code seq} order, the
 * events of the run whose {@code seq} the topic does not hold yet, and waits for Kafka to
 * acknowledge them. Running it again publishes nothing.
 */
public final class KafkaSync {
    // a command waits for its acknowledgements; unlike the sink it has no training to protect
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSettings settings;
    private final Duration timeout;
    private final EventJson json = new EventJson();

    /**
     * What a sync did.
     *
     * @param inJournal the run's distinct events in the journal
     * @param alreadyInTopic those the topic held before
     * @param published those this sync sent
     */
    public record SyncResult(String runId, int inJournal, int alreadyInTopic, int published) {
    }

    public KafkaSync(KafkaSettings settings) {
        this(settings, KafkaSource.DEFAULT_TIMEOUT);
    }

    /** @param timeout how long the broker may stay silent before the sync fails */
    KafkaSync(KafkaSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * @param journalEvents the run's journal; events of other runs are ignored
     * @throws KafkaUnavailableException when the broker is unreachable or does not acknowledge
     *         every event; run the sync again, it only sends what is still missing
     */
    public SyncResult sync(String runId, List<Event> journalEvents) {
        TreeMap<Long, Event> journal = new TreeMap<>();
        for (Event event : journalEvents) {
            if (event.runId().equals(runId)) {
                journal.putIfAbsent(event.seq(), event);
            }
        }
        Set<Long> inTopic = seqsInTopic(runId);
        List<Event> missing = journal.values().stream().filter(e -> !inTopic.contains(e.seq())).toList();
        if (!missing.isEmpty()) {
            TopicCreator.ensure(settings, timeout);
            publish(runId, missing);
        }
        return new SyncResult(runId, journal.size(), journal.size() - missing.size(), missing.size());
    }

    private Set<Long> seqsInTopic(String runId) {
        Set<Long> seqs = new HashSet<>();
        new TopicReader(settings, timeout).read(record -> collect(record, runId, seqs));
        return seqs;
    }

    private void collect(ConsumerRecord<String, String> record, String runId, Set<Long> seqs) {
        // the key is the run id, so other runs' records need no decoding
        if (!runId.equals(record.key()) || record.value() == null) {
            return;
        }
        try {
            Event event = json.decode(record.value());
            if (event.runId().equals(runId)) {
                seqs.add(event.seq());
            }
        } catch (EventFormatException e) {
            // not an event: it holds no seq of the run, so the journal's event is sent again
        }
    }

    private void publish(String runId, List<Event> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (Producer<String, String> producer = new KafkaProducer<>(
                ClientConfigs.producer(settings, DELIVERY_TIMEOUT, timeout))) {
            for (Event event : events) {
                acks.add(producer.send(new ProducerRecord<>(settings.topic(), runId, json.encode(event))));
            }
            producer.flush();
            awaitAll(runId, acks);
        } catch (KafkaException e) {
            throw notAcknowledged(runId, events.size(), e);
        }
    }

    private void awaitAll(String runId, List<Future<RecordMetadata>> acks) {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                throw notAcknowledged(runId, acks.size(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notAcknowledged(runId, acks.size(), e);
            }
        }
    }

    private KafkaUnavailableException notAcknowledged(String runId, int count, Throwable cause) {
        return new KafkaUnavailableException("Kafka broker " + settings.bootstrap() + " did not acknowledge all "
                + count + " missing events of run " + runId + " (" + cause.getMessage() + "); run ./adr runs sync "
                + runId + " again once the broker is reachable", cause);
    }
}

package adr.tracking.kafka;

import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * The sink's one sender thread. It hands queued events to an idempotent producer in
 * publication order; the producer retries each record until the broker takes it, so an
 * outage just leaves records waiting inside the producer. Only a send that fails for good
 * (send() timing out on missing metadata or a full buffer, or an error the producer does not
 * retry) comes back here: the sender stops sending, waits for the records still in flight,
 * puts every failed event back at the head of the queue in publication order, drops the
 * producer (a fresh one has no stuck state), pauses with a growing back-off and starts over.
 * Consumers ignore duplicates by (runId, seq), which covers the rare record that reached the
 * broker although its send was reported as failed.
 */
final class SinkSender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    private static final long POLL_MILLIS = 200;

    private final KafkaSettings settings;
    private final SinkTuning tuning;
    private final SinkState state;
    private final BrokerHealth health;
    private final ConcurrentSkipListMap<Long, PendingEvent> inFlight = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<Long, PendingEvent> failed = new ConcurrentSkipListMap<>();
    private Producer<String, String> producer;
    private boolean topicReady;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile Duration backoff;

    SinkSender(KafkaSettings settings, SinkTuning tuning, SinkState state) {
        this.settings = settings;
        this.tuning = tuning;
        this.state = state;
        this.health = new BrokerHealth(settings);
        this.backoff = tuning.backoffMin();
    }

    @Override
    public void run() {
        try {
            while (!state.stopRequested()) {
                step();
            }
        } catch (InterruptedException | InterruptException e) {
            // close() gave up waiting; what is still queued counts as undelivered
        } catch (RuntimeException e) {
            // training must go on whatever happens here; the journal still has every event
            LOG.error("Kafka sink for {} stopped sending ({}); the run's journal keeps every event, publish them "
                    + "later with ./adr runs sync RUN", settings.bootstrap(), e.toString(), e);
        } finally {
            closeProducer();
        }
    }

    private void step() throws InterruptedException {
        if (!failed.isEmpty()) {
            recover();
        } else if (ready()) {
            PendingEvent next = state.queue.pollFirst(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (next != null) {
                send(next);
            }
            checkStall();
        }
    }

    /** Creates the topic and the producer when needed; false after a failed attempt (and its pause). */
    private boolean ready() {
        try {
            ensureTopic();
            if (producer == null) {
                producer = new KafkaProducer<>(ClientConfigs.producer(settings, tuning.deliveryTimeout(),
                        tuning.maxBlock()));
            }
            return true;
        } catch (KafkaUnavailableException e) {
            health.unreachable(e.detail(), state.backlog());
        } catch (KafkaException e) {
            health.unreachable("creating the producer: " + e.getMessage(), state.backlog());
        }
        pauseAfterFailure();
        return false;
    }

    private void ensureTopic() {
        if (topicReady) {
            return;
        }
        try {
            TopicCreator.ensure(settings, tuning.maxBlock());
        } catch (IllegalStateException e) {
            // the broker refused to create it: it may exist already, or be created on first use
            LOG.warn("{}; sending anyway", e.getMessage());
        }
        topicReady = true;
    }

    private void send(PendingEvent event) {
        if (inFlight.isEmpty()) {
            lastProgressNanos = System.nanoTime();
        }
        inFlight.put(event.ordinal(), event);
        try {
            producer.send(new ProducerRecord<>(settings.topic(), event.runId(), event.json()),
                    (metadata, error) -> completed(event, error));
        } catch (InterruptException e) {
            inFlight.remove(event.ordinal());
            state.queue.addFirst(event);
            throw e;
        } catch (KafkaException e) {
            completed(event, e);
        }
    }

    /** Runs on the producer's I/O thread (or the sender's, for a send that failed at once). */
    private void completed(PendingEvent event, Exception error) {
        if (error == null) {
            state.acknowledged.incrementAndGet();
            lastProgressNanos = System.nanoTime();
            backoff = tuning.backoffMin();
            health.reachable(state.backlog());
        } else if (state.stopRequested()) {
            // close() aborted the producer: the event stays in the backlog, no outage to report
            failed.put(event.ordinal(), event);
        } else {
            failed.put(event.ordinal(), event);
            state.sendFailures.incrementAndGet();
            health.unreachable(error.getClass().getSimpleName() + ": " + error.getMessage(), state.backlog());
        }
        inFlight.remove(event.ordinal());
    }

    private void recover() throws InterruptedException {
        while (!inFlight.isEmpty() && !state.stopRequested()) {
            Thread.sleep(POLL_MILLIS);
        }
        // every failed event is older than anything still queued, so they go in front, oldest first
        for (PendingEvent event : failed.descendingMap().values()) {
            state.queue.addFirst(event);
        }
        failed.clear();
        closeProducer();
        pauseAfterFailure();
    }

    private void checkStall() {
        long waited = System.nanoTime() - lastProgressNanos;
        if (!inFlight.isEmpty() && waited > tuning.stallWarning().toNanos()) {
            health.unreachable("no acknowledgement for " + TimeUnit.NANOSECONDS.toSeconds(waited) + " s",
                    state.backlog());
        }
    }

    private void pauseAfterFailure() {
        Duration pause = backoff;
        backoff = pause.multipliedBy(2).compareTo(tuning.backoffMax()) > 0 ? tuning.backoffMax()
                : pause.multipliedBy(2);
        state.pause(pause);
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                // records not acknowledged by now stay undelivered; the journal has them for `runs sync`
                producer.close(Duration.ZERO);
            } catch (InterruptException e) {
                Thread.currentThread().interrupt();
            }
            producer = null;
        }
    }
}

package adr.tracking.kafka;

import adr.spi.events.Event;
import adr.spi.events.EventSink;
import adr.tracking.events.EventJson;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends a run's events to a Kafka topic without ever holding up training. {@link #publish}
 * encodes the event and appends it to an in-memory queue; one daemon thread hands the queue
 * to an idempotent producer ({@code acks=all}, key = runId, value = the event's JSON line),
 * creating the topic first when it is missing. While the broker is away the events wait, and
 * they are sent in order when it is back; an outage is logged once when it starts and once
 * when it ends.
 *
 * <p>{@link #close} waits a bounded time for the backlog to drain. What is still undelivered
 * then is not lost: the run's journal holds every event, and {@code adr runs sync RUN}
 * publishes the missing ones ({@link KafkaSync}).
 */
public final class KafkaSink implements EventSink {
    private static final long DRAIN_POLL_MILLIS = 20;
    // the sender looks at the stop request at least every 200 ms unless a send blocks it
    private static final long SENDER_STOP_MILLIS = 1_000;
    private static final long SENDER_EXIT_MILLIS = 5_000;
    // a backlog that lasts longer than this at close is announced: the wait would look like a hang
    private static final long CLOSE_NOTICE_NANOS = 1_000_000_000L;

    /** How long {@link #close} waits for the backlog unless told otherwise. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = SinkTuning.DEFAULT_CLOSE_TIMEOUT;

    private final KafkaSettings settings;
    private final EventJson json;
    private final SinkTuning tuning;
    private final Consumer<String> warnings;
    private final SinkState state = new SinkState();
    private final Thread sender;
    private final Object publishLock = new Object();
    private volatile boolean closed;
    private volatile long undelivered;
    /** For the close notice's {@code runs sync} command: the run of the last event published. */
    private volatile String lastRunId;

    /** A sink whose {@link #close} waits up to 30 s for the backlog, silently. */
    public KafkaSink(KafkaSettings settings, EventJson json) {
        this(settings, json, DEFAULT_CLOSE_TIMEOUT, warning -> { });
    }

    /**
     * A sink whose {@link #close} waits up to {@code closeTimeout} for the backlog, telling
     * {@code warnings} when that wait lasts more than a second.
     */
    public KafkaSink(KafkaSettings settings, EventJson json, Duration closeTimeout, Consumer<String> warnings) {
        this(settings, json, SinkTuning.defaults(closeTimeout), warnings);
    }

    KafkaSink(KafkaSettings settings, EventJson json, SinkTuning tuning, Consumer<String> warnings) {
        this.settings = settings;
        this.json = json;
        this.tuning = tuning;
        this.warnings = warnings;
        this.sender = new Thread(new SinkSender(settings, tuning, state), "adr-kafka-sink");
        // a sink that was never closed must not keep the JVM alive
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Queues the event for Kafka and returns at once, whether or not the broker is reachable.
     *
     * @throws IllegalStateException after {@link #close}
     */
    @Override
    public void publish(Event event) {
        String line = json.encode(event);
        // one lock so that the queue order is the publication order even with several publishers
        synchronized (publishLock) {
            if (closed) {
                throw new IllegalStateException("Kafka sink is closed; event " + event.runId() + "/" + event.seq()
                        + " was published after close()");
            }
            long ordinal = state.published.get();
            state.queue.addLast(new PendingEvent(ordinal, event.runId(), event.seq(), line));
            state.published.incrementAndGet();
            lastRunId = event.runId();
        }
    }

    /** Does not wait: the journal is the durable copy, and Kafka catches up on its own. */
    @Override
    public void flush() {
    }

    /**
     * Waits until Kafka has acknowledged every event or the close timeout has passed, then
     * stops the sender. {@link #undelivered} tells how many events did not make it.
     */
    @Override
    public void close() {
        synchronized (publishLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long now = System.nanoTime();
        long deadline = now + tuning.closeTimeout().toNanos();
        awaitDrained(Math.min(deadline, now + CLOSE_NOTICE_NANOS));
        long left = deadline - System.nanoTime();
        if (state.backlog() > 0 && left > 0) {
            warnings.accept("waiting up to " + TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999L) + " s for Kafka ("
                    + settings.bootstrap() + ") to take " + state.backlog() + " more events; Ctrl-C stops the wait,"
                    + " and ./adr runs sync " + lastRunId + " --kafka-bootstrap " + settings.bootstrap()
                    + " publishes them later from the run's journal");
            awaitDrained(deadline);
        }
        state.requestStop();
        stopSender();
        undelivered = state.backlog();
    }

    /** Events published but not yet acknowledged by Kafka (queued, in flight or waiting for a retry). */
    public long backlog() {
        return state.backlog();
    }

    /** Sends that failed for good and were queued again; an outage the producer rode out counts none. */
    public long sendFailures() {
        return state.sendFailures.get();
    }

    /** Events Kafka has acknowledged. */
    public long acknowledged() {
        return state.acknowledged.get();
    }

    /** After {@link #close}: the events Kafka had not acknowledged by then (0 before close). */
    public long undelivered() {
        return undelivered;
    }

    private void awaitDrained(long deadlineNanos) {
        while (state.backlog() > 0 && System.nanoTime() < deadlineNanos) {
            try {
                Thread.sleep(DRAIN_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopSender() {
        try {
            sender.join(SENDER_STOP_MILLIS);
            if (sender.isAlive()) {
                // blocked in a send that waits for metadata or buffer space
                sender.interrupt();
                sender.join(SENDER_EXIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package adr.tracking.kafka;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What the training thread and the sender thread of a {@link KafkaSink} share. */
final class SinkState {
    /** Events not yet handed to the producer, in publication order; failed ones return to the head. */
    final LinkedBlockingDeque<PendingEvent> queue = new LinkedBlockingDeque<>();
    final AtomicLong published = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();
    private final CountDownLatch stop = new CountDownLatch(1);

    long backlog() {
        return published.get() - acknowledged.get();
    }

    void requestStop() {
        stop.countDown();
    }

    boolean stopRequested() {
        return stop.getCount() == 0;
    }

    /** Pauses the sender; returns early, with {@code false}, when the sink is being closed. */
    boolean pause(Duration duration) {
        try {
            return !stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

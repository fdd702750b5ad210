package adr.tracking.kafka;

import java.time.Duration;

/**
 * The time limits of a {@link KafkaSink}. Only the close timeout is public; tests shorten
 * the others to see an outage, and the sink's recovery from it, within seconds.
 *
 * @param closeTimeout how long {@code close} waits for the backlog to drain
 * @param maxBlock how long one send or topic creation may wait for an unreachable broker
 * @param stallWarning how long events may wait for an acknowledgement before the broker counts as unreachable
 * @param deliveryTimeout how long the producer retries one record before the sink takes it back
 * @param backoffMin first pause after a failed send
 * @param backoffMax longest pause between attempts while the broker stays away
 */
record SinkTuning(Duration closeTimeout, Duration maxBlock, Duration stallWarning, Duration deliveryTimeout,
        Duration backoffMin, Duration backoffMax) {
    static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * By default the producer retries a record until the broker takes it (about 24 days), so
     * that an outage leaves records waiting in order inside the producer, instead of failing
     * them and re-queueing them where a later record might overtake an earlier one.
     */
    static SinkTuning defaults(Duration closeTimeout) {
        return new SinkTuning(closeTimeout, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofMillis(Integer.MAX_VALUE), Duration.ofMillis(500), Duration.ofSeconds(10));
    }
}

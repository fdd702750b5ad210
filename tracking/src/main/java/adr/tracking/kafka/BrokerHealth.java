package adr.tracking.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the sink currently reaches its broker. Logs once when the broker goes away and
 * once when it is back, so an outage costs two log lines however many events wait.
 * Thread-safe: the sender thread and the producer's callbacks both report.
 */
final class BrokerHealth {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);

    private final KafkaSettings settings;
    private boolean unreachable;

    BrokerHealth(KafkaSettings settings) {
        this.settings = settings;
    }

    synchronized void unreachable(String reason, long waiting) {
        if (!unreachable) {
            unreachable = true;
            LOG.warn("Kafka broker {} is unreachable ({}); training goes on, {} events wait in memory and are sent "
                    + "when it is back (the run's journal keeps them all)", settings.bootstrap(), reason, waiting);
        }
    }

    synchronized void reachable(long waiting) {
        if (unreachable) {
            unreachable = false;
            LOG.warn("Kafka broker {} is reachable again; sending the {} events that waited", settings.bootstrap(),
                    waiting);
        }
    }

    synchronized boolean isUnreachable() {
        return unreachable;
    }
}

package adr.tracking.metrics;

import adr.tracking.kafka.KafkaSink;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The tracking-health meters: events written to the journal, and per sink the backlog,
 * acknowledgements and retried sends. The journal counts as a sink that acknowledges
 * each event as it is written (its backlog is always 0), so the panels show every run.
 *
 * <p>Micrometer holds a function counter's source weakly, and a method reference such as
 * {@code run::eventsWritten} is an object nothing else holds: the first garbage
 * collection would freeze the counter. So every meter reads through this object, which
 * its owner keeps for the life of the endpoint.
 */
public final class TrackingMeters {
    private final LongSupplier eventsWritten;
    private final KafkaSink kafka;

    private TrackingMeters(LongSupplier eventsWritten, KafkaSink kafka) {
        this.eventsWritten = eventsWritten;
        this.kafka = kafka;
    }

    /**
     * Registers the meters; keep the returned object as long as they are scraped.
     *
     * @param kafka the run's Kafka sink, or null when it has none
     */
    public static TrackingMeters bind(MeterRegistry registry, String runId, LongSupplier eventsWritten,
            KafkaSink kafka) {
        TrackingMeters meters = new TrackingMeters(eventsWritten, kafka);
        FunctionCounter.builder(MeterCatalog.EVENTS_WRITTEN.name(), meters, m -> m.eventsWritten.getAsLong())
                .description(MeterCatalog.EVENTS_WRITTEN.description()).tags("run", runId).register(registry);
        meters.sink(registry, Tags.of("run", runId, "sink", "journal"), m -> 0, m -> m.eventsWritten.getAsLong(),
                m -> 0);
        if (kafka != null) {
            meters.sink(registry, Tags.of("run", runId, "sink", "kafka"), m -> m.kafka.backlog(),
                    m -> m.kafka.acknowledged(), m -> m.kafka.sendFailures());
        }
        return meters;
    }

    private void sink(MeterRegistry registry, Tags tags, ToLongFunction<TrackingMeters> backlog,
            ToLongFunction<TrackingMeters> acknowledged, ToLongFunction<TrackingMeters> failures) {
        Gauge.builder(MeterCatalog.EVENTS_BACKLOG.name(), this, m -> backlog.applyAsLong(m))
                .description(MeterCatalog.EVENTS_BACKLOG.description()).tags(tags).register(registry);
        FunctionCounter.builder(MeterCatalog.EVENTS_ACKNOWLEDGED.name(), this, m -> acknowledged.applyAsLong(m))
                .description(MeterCatalog.EVENTS_ACKNOWLEDGED.description()).tags(tags).register(registry);
        FunctionCounter.builder(MeterCatalog.EVENTS_SEND_FAILURES.name(), this, m -> failures.applyAsLong(m))
                .description(MeterCatalog.EVENTS_SEND_FAILURES.description()).tags(tags).register(registry);
    }
}

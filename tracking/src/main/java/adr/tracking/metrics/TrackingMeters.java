package adr.tracking.metrics;

import adr.tracking.kafka.KafkaSink;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.LongSupplier;

/**
 * The tracking-health meters: events written to the journal, and per sink the backlog,
 * acknowledgements and retried sends. The journal counts as a sink that acknowledges
 * each event as it is written (its backlog is always 0), so the panels show every run.
 */
public final class TrackingMeters {
    private TrackingMeters() {
    }

    /** @param kafka the run's Kafka sink, or null when it has none */
    public static void bind(MeterRegistry registry, String runId, LongSupplier eventsWritten, KafkaSink kafka) {
        FunctionCounter.builder(MeterCatalog.EVENTS_WRITTEN.name(), eventsWritten, s -> s.getAsLong())
                .description(MeterCatalog.EVENTS_WRITTEN.description()).tags("run", runId).register(registry);
        sink(registry, Tags.of("run", runId, "sink", "journal"), () -> 0, eventsWritten, () -> 0);
        if (kafka != null) {
            sink(registry, Tags.of("run", runId, "sink", "kafka"), kafka::backlog, kafka::acknowledged,
                    kafka::sendFailures);
        }
    }

    private static void sink(MeterRegistry registry, Tags tags, LongSupplier backlog, LongSupplier acknowledged,
            LongSupplier failures) {
        Gauge.builder(MeterCatalog.EVENTS_BACKLOG.name(), backlog, s -> s.getAsLong())
                .description(MeterCatalog.EVENTS_BACKLOG.description()).tags(tags).strongReference(true)
                .register(registry);
        FunctionCounter.builder(MeterCatalog.EVENTS_ACKNOWLEDGED.name(), acknowledged, s -> s.getAsLong())
                .description(MeterCatalog.EVENTS_ACKNOWLEDGED.description()).tags(tags).register(registry);
        FunctionCounter.builder(MeterCatalog.EVENTS_SEND_FAILURES.name(), failures, s -> s.getAsLong())
                .description(MeterCatalog.EVENTS_SEND_FAILURES.description()).tags(tags).register(registry);
    }
}

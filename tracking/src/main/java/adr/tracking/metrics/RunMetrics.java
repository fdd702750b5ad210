package adr.tracking.metrics;

import adr.core.train.TrainingPace;
import adr.tracking.kafka.KafkaSink;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One run's live metrics, assembled: a Prometheus registry of its own (no global
 * registry), the JVM and process binders, the training recorder and the endpoint.
 */
public final class RunMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final MetricsRecorder recorder;
    private final MetricsEndpoint endpoint;
    /** Held for the meters that read through it (see {@link TrackingMeters}). */
    private final TrackingMeters tracking;

    /**
     * Starts the endpoint on {@code host:port}.
     *
     * @param kafka the run's Kafka sink for the tracking-health meters, or null
     */
    public RunMetrics(String runId, TrainingPace pace, LongSupplier eventsWritten, KafkaSink kafka, String host,
            int port) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        tracking = TrackingMeters.bind(registry, runId, eventsWritten, kafka);
        recorder = new MetricsRecorder(registry, runId, pace);
        endpoint = MetricsEndpoint.start(registry, host, port);
    }

    public MetricsRecorder recorder() {
        return recorder;
    }

    public int port() {
        return endpoint.port();
    }

    /** True once something has scraped the endpoint. */
    public boolean scraped() {
        return endpoint.scrapes() > 0;
    }

    /** See {@link MetricsEndpoint#linger}. */
    public void linger(Duration grace, BooleanSupplier cancelled) throws InterruptedException {
        endpoint.linger(grace, cancelled);
    }

    @Override
    public void close() {
        endpoint.close();
        gc.close();
        registry.close();
    }
}

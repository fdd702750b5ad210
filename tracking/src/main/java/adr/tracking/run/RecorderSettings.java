package adr.tracking.run;

import adr.core.experiment.PluginUse;
import java.util.List;

/**
 * How a run records itself.
 *
 * @param metricsEvery steps between {@code StepMetrics} events (each epoch's last step always has one)
 * @param heartbeatSeconds seconds between heartbeats; readers call a silent run abandoned after three
 * @param host and {@code pid}: which process wrote the run, for its provenance
 * @param sinkPlugins event sinks from plugins, recorded in {@code RunStarted} with the run's other plugins
 */
public record RecorderSettings(int metricsEvery, int heartbeatSeconds, String host, long pid,
        List<PluginUse> sinkPlugins) {

    public RecorderSettings {
        sinkPlugins = List.copyOf(sinkPlugins);
        if (metricsEvery < 1) {
            throw new IllegalArgumentException("--metrics-every must be at least 1, got " + metricsEvery);
        }
        if (heartbeatSeconds < 1) {
            throw new IllegalArgumentException("--heartbeat-seconds must be at least 1, got " + heartbeatSeconds);
        }
    }
}

package adr.tracking.run;

/**
 * How a run records itself.
 *
 * @param metricsEvery steps between {@code StepMetrics} events (each epoch's last step always has one)
 * @param heartbeatSeconds seconds between heartbeats; readers call a silent run abandoned after three
 * @param host and {@code pid}: which process wrote the run, for its provenance
 */
public record RecorderSettings(int metricsEvery, int heartbeatSeconds, String host, long pid) {

    public RecorderSettings {
        if (metricsEvery < 1) {
            throw new IllegalArgumentException("--metrics-every must be at least 1, got " + metricsEvery);
        }
        if (heartbeatSeconds < 1) {
            throw new IllegalArgumentException("--heartbeat-seconds must be at least 1, got " + heartbeatSeconds);
        }
    }
}

package adr.tracking.events;

/** The run is alive; written every {@code RunStarted.heartbeatSeconds}. */
public record Heartbeat(int epoch, long globalStep) implements EventPayload {
}

package adr.tracking.events;

/** The run stopped on an error; {@code error} is the exception type, {@code message} its message. */
public record RunFailed(String error, String message, int epoch, long globalStep) implements EventPayload {
}

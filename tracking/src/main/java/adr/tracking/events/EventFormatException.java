package adr.tracking.events;

/** A line or record that is not a well-formed event; the message names what is wrong. */
public final class EventFormatException extends RuntimeException {
    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

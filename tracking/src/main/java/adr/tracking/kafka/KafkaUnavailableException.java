package adr.tracking.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Kafka could not be reached or did not answer in time. The message is one line naming the
 * bootstrap server and the fix. It is an {@link UncheckedIOException} so that the command
 * line prints it as a user error rather than a stack trace.
 */
public final class KafkaUnavailableException extends UncheckedIOException {
    private final String detail;

    KafkaUnavailableException(String message, Throwable cause) {
        this(message, message, cause);
    }

    private KafkaUnavailableException(String message, String detail, Throwable cause) {
        super(message, new IOException(message, cause));
        this.detail = detail;
    }

    /** The usual message: what could not be done, where, and how to fix it. */
    static KafkaUnavailableException unreachable(KafkaSettings settings, String action, Throwable cause) {
        String detail = action + ": " + reason(cause);
        return new KafkaUnavailableException("Kafka broker " + settings.bootstrap() + " is unreachable (" + detail
                + "); start it (./adr kafka --port PORT) or pass the right host:port", detail, cause);
    }

    /** What failed and why, without the broker and the fix, for messages that name those already. */
    String detail() {
        return detail;
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        // a client message can span lines; the user sees one
        return message.replaceAll("\\s+", " ").strip();
    }
}

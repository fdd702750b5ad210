package adr.tracking.events;

/**
 * The run was stopped by a signal after {@code globalStep} steps.
 *
 * @param signal "INT" or "TERM" (or "shutdown" when the JVM exited for another reason)
 * @param checkpoint the checkpoint written before exit, null when none could be written
 */
public record RunInterrupted(String signal, int epochsDone, long globalStep, String checkpoint)
        implements EventPayload {
}

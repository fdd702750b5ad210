package adr.spi.events;

/**
 * Receives every training event of a run, in {@code seq} order. Must not block a
 * training step for long: a sink that talks to a remote system buffers and reports
 * its backlog rather than waiting.
 */
public interface EventSink extends AutoCloseable {

    void publish(Event event);

    /** Makes everything published so far durable (or handed off), as far as the sink can. */
    default void flush() {
    }

    @Override
    default void close() {
        flush();
    }
}

package adr.tracking.events;

import adr.spi.events.Event;
import java.util.function.Consumer;

/**
 * Somewhere events can be replayed from: the journals under an ADR home, or a Kafka topic.
 * Events of one run arrive in the order they were written; runs may interleave.
 */
public interface EventSource {

    /**
     * Feeds every readable event to {@code events}; problems that lose nothing already
     * read (a torn last line, a corrupt line, a partition that cannot be read) go to
     * {@code warnings} as one-line messages naming the place and the fix.
     */
    void replay(Consumer<Event> events, Consumer<String> warnings);

    /** Where the events come from, for messages: a directory or {@code kafka host:port topic}. */
    String describe();
}

package adr.tracking.projection;

import adr.spi.events.Event;
import adr.tracking.events.EventSource;
import java.util.List;
import java.util.function.Consumer;

/** Replays a fixed list of events in the order given. */
record ListSource(List<Event> events) implements EventSource {

    @Override
    public void replay(Consumer<Event> sink, Consumer<String> warnings) {
        events.forEach(sink);
    }

    @Override
    public String describe() {
        return "test events";
    }
}

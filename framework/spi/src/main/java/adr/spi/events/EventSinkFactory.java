package adr.spi.events;

import adr.spi.NamedFactory;
import adr.spi.config.Config;

/** Creates an event sink for one run. */
public interface EventSinkFactory extends NamedFactory {

    EventSink create(Config config);
}

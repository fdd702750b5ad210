package adr.tracking.run;

import adr.spi.events.Event;
import adr.spi.events.EventSink;

/**
 * A sink created by a plugin, with the plugin's name and jar, so that the run's warning
 * when it fails says which one.
 *
 * @param description "sink lines from plugin 'acme' 1.0.0 (jar /plugins/acme.jar)"
 */
record PluginSink(EventSink sink, String description) implements EventSink {

    @Override
    public void publish(Event event) {
        sink.publish(event);
    }

    @Override
    public void flush() {
        sink.flush();
    }

    @Override
    public void close() {
        sink.close();
    }
}

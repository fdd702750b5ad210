package adr.core.plugins;

import adr.spi.SpiVersion;
import java.util.Objects;

/**
 * Where a factory came from, for listings and for the run's provenance record.
 *
 * @param source the absolute path of the plugin jar, or {@value #CLASSPATH} for a plugin
 *     on the application class path (the built-ins)
 */
public record PluginProvenance(String pluginId, String version, SpiVersion spiVersion, String source) {

    /** The source of plugins found on the application class path. */
    public static final String CLASSPATH = "classpath";

    public PluginProvenance {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(spiVersion, "spiVersion");
        Objects.requireNonNull(source, "source");
    }

    public boolean fromClasspath() {
        return CLASSPATH.equals(source);
    }

    /** "plugin 'adr-lsh' 0.1.0 (jar /path/adr-lsh.jar)", for messages. */
    public String describe() {
        return "plugin '" + pluginId + "' " + version + " (" + location(source) + ")";
    }

    /** "classpath" or "jar /path/x.jar". */
    static String location(String source) {
        return CLASSPATH.equals(source) ? CLASSPATH : "jar " + source;
    }
}

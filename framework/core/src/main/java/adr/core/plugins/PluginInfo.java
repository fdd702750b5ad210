package adr.core.plugins;

import adr.spi.config.ConfigKey;
import java.util.List;

/** One row of {@code adr plugins}: a factory with where it came from and what it accepts. */
public record PluginInfo(PluginKind kind, String name, String pluginId, String version, String source,
        String description, List<ConfigKey> configKeys) {

    public PluginInfo {
        configKeys = List.copyOf(configKeys);
    }
}

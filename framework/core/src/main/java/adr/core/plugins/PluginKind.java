package adr.core.plugins;

import adr.spi.NamedFactory;
import adr.spi.Plugin;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.events.EventSinkFactory;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.strategy.AdaptationStrategyFactory;
import java.util.List;
import java.util.function.Function;

/** The kinds of factory a plugin can offer; names are unique within a kind. */
public enum PluginKind {
    CLUSTERING("clustering", ClusteringFactory.class, "clustering()", Plugin::clustering),
    POLICY("policy", ReusePolicyFactory.class, "policies()", Plugin::policies),
    STRATEGY("strategy", AdaptationStrategyFactory.class, "strategies()", Plugin::strategies),
    SINK("sink", EventSinkFactory.class, "sinks()", Plugin::sinks);

    private final String label;
    private final Class<? extends NamedFactory> factoryType;
    private final String accessor;
    private final Function<Plugin, List<? extends NamedFactory>> offered;

    PluginKind(String label, Class<? extends NamedFactory> factoryType, String accessor,
            Function<Plugin, List<? extends NamedFactory>> offered) {
        this.label = label;
        this.factoryType = factoryType;
        this.accessor = accessor;
        this.offered = offered;
    }

    /** Lower-case, as in listings and error messages: "clustering", "policy", "strategy", "sink". */
    public String label() {
        return label;
    }

    /** The SPI factory interface of this kind. */
    public Class<? extends NamedFactory> factoryType() {
        return factoryType;
    }

    /** The {@link Plugin} method that lists factories of this kind, for error messages. */
    String accessor() {
        return accessor;
    }

    /** Calls the plugin's accessor; may throw whatever the plugin throws, or return null. */
    List<? extends NamedFactory> offeredBy(Plugin plugin) {
        return offered.apply(plugin);
    }
}

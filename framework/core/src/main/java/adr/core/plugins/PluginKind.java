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
    CLUSTERING("clustering", ClusteringFactory.class, "clustering()", Plugin::clustering, List.of()),
    POLICY("policy", ReusePolicyFactory.class, "policies()", Plugin::policies, List.of()),
    STRATEGY("strategy", AdaptationStrategyFactory.class, "strategies()", Plugin::strategies, List.of()),
    // the tracking module's own sinks: chosen by the same --sink flag, so an unknown name lists them too
    SINK("sink", EventSinkFactory.class, "sinks()", Plugin::sinks, List.of("journal", "kafka"));

    private final String label;
    private final Class<? extends NamedFactory> factoryType;
    private final String accessor;
    private final Function<Plugin, List<? extends NamedFactory>> offered;
    private final List<String> builtIn;

    PluginKind(String label, Class<? extends NamedFactory> factoryType, String accessor,
            Function<Plugin, List<? extends NamedFactory>> offered, List<String> builtIn) {
        this.label = label;
        this.factoryType = factoryType;
        this.accessor = accessor;
        this.offered = offered;
        this.builtIn = builtIn;
    }

    /** Names of this kind that ADR provides without a plugin, for error messages. */
    List<String> builtIn() {
        return builtIn;
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

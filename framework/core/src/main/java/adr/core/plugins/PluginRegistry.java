package adr.core.plugins;

import adr.spi.NamedFactory;
import adr.spi.Plugin;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.events.EventSinkFactory;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.strategy.AdaptationStrategyFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plugins found, immutable: for each kind, the factories by name (sorted) with
 * where each came from. Built by {@link PluginLoader}; one registry can serve any number
 * of runs, each wiring it with {@link RunModule} (ADR's commands load it again for each
 * run, for its clustering, strategy and policy and for its event sinks).
 *
 * <p>Factories from a plugin jar were defined by that jar's class loader, which stays
 * open as long as the factories are reachable.
 */
public final class PluginRegistry {

    /** A factory with its provenance. */
    record Entry(NamedFactory factory, PluginProvenance provenance) {
    }

    private final Map<PluginKind, Map<String, Entry>> entries;
    private final List<PluginProvenance> plugins;

    PluginRegistry(Map<PluginKind, Map<String, Entry>> entries, List<PluginProvenance> plugins) {
        Map<PluginKind, Map<String, Entry>> copy = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            copy.put(kind, Collections.unmodifiableMap(new TreeMap<>(entries.getOrDefault(kind, Map.of()))));
        }
        this.entries = Collections.unmodifiableMap(copy);
        this.plugins = List.copyOf(plugins);
    }

    /**
     * A registry of plugins already in memory (tests, embedding), all with the given
     * source, validated as the loader validates jars.
     *
     * @throws PluginException listing every problem
     */
    public static PluginRegistry of(String source, List<? extends Plugin> plugins) {
        RegistryBuilder builder = new RegistryBuilder();
        for (Plugin plugin : plugins) {
            builder.add(plugin, source);
        }
        return builder.build();
    }

    public Map<String, ClusteringFactory> clustering() {
        return factories(PluginKind.CLUSTERING, ClusteringFactory.class);
    }

    public Map<String, ReusePolicyFactory> policies() {
        return factories(PluginKind.POLICY, ReusePolicyFactory.class);
    }

    public Map<String, AdaptationStrategyFactory> strategies() {
        return factories(PluginKind.STRATEGY, AdaptationStrategyFactory.class);
    }

    public Map<String, EventSinkFactory> sinks() {
        return factories(PluginKind.SINK, EventSinkFactory.class);
    }

    /** The factories of one kind by name, sorted by name. */
    public <F extends NamedFactory> Map<String, F> factories(PluginKind kind, Class<F> type) {
        if (kind.factoryType() != type) {
            throw new IllegalArgumentException(kind.label() + " factories are " + kind.factoryType().getName());
        }
        Map<String, F> typed = new TreeMap<>();
        entries.get(kind).forEach((name, entry) -> typed.put(name, type.cast(entry.factory())));
        return Collections.unmodifiableMap(typed);
    }

    /** Where the factory {@code name} of {@code kind} came from, if there is one. */
    public Optional<PluginProvenance> provenance(PluginKind kind, String name) {
        return Optional.ofNullable(entries.get(kind).get(name)).map(Entry::provenance);
    }

    /** Every plugin loaded, class path first, then jars in file-name order. */
    public List<PluginProvenance> plugins() {
        return plugins;
    }

    /** One row per factory, by kind and then name. */
    public List<PluginInfo> infos() {
        List<PluginInfo> rows = new ArrayList<>();
        entries.forEach((kind, byName) -> byName.forEach((name, e) -> rows.add(new PluginInfo(kind, name,
                e.provenance().pluginId(), e.provenance().version(), e.provenance().source(),
                e.factory().description(), e.factory().configKeys()))));
        return List.copyOf(rows);
    }

    @Override
    public String toString() {
        return "PluginRegistry" + plugins;
    }
}

package adr.core.plugins;

import adr.spi.LayerShape;
import adr.spi.NamedFactory;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.events.EventSinkFactory;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategyFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run's chosen factories, each with its validated configuration and provenance.
 * {@link #resolve} checks every choice before any is used and reports all unknown
 * names and bad configuration values together.
 */
public final class PluginSelection {

    /** One chosen factory, ready to create its object; {@code config} is validated. */
    public record Selected<F extends NamedFactory>(PluginKind kind, F factory, Config config,
            PluginProvenance provenance) {

        public String name() {
            return factory.name();
        }
    }

    /** A one-pixel layer on which a clustering factory shows whether it accepts its options. */
    private static final LayerShape OPTIONS_PROBE = new LayerShape("probe", 1, 1, 1, 1, 0);

    private final Optional<Selected<ClusteringFactory>> clustering;
    private final Optional<Selected<ReusePolicyFactory>> policy;
    private final Optional<Selected<AdaptationStrategyFactory>> strategy;
    private final List<Selected<EventSinkFactory>> sinks;

    private PluginSelection(Optional<Selected<ClusteringFactory>> clustering,
            Optional<Selected<ReusePolicyFactory>> policy, Optional<Selected<AdaptationStrategyFactory>> strategy,
            List<Selected<EventSinkFactory>> sinks) {
        this.clustering = clustering;
        this.policy = policy;
        this.strategy = strategy;
        this.sinks = List.copyOf(sinks);
    }

    /**
     * Empty when the clustering factory accepts its options (it creates an algorithm for a
     * one-pixel layer), else its refusal as a run reports it: {@code "clustering NAME: ..."}.
     * Factories check only when they create, so this is how a command refuses bad options
     * before it reads any data.
     */
    public static Optional<String> clusteringRefusal(Selected<ClusteringFactory> clustering) {
        try {
            clustering.factory().create(OPTIONS_PROBE, new ReuseSetting(1, 1), clustering.config(), 0);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("clustering " + clustering.name() + ": " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(PluginGuard.of(clustering).failure("while checking its options", e));
        }
    }

    /**
     * Looks every chosen name up in the registry's factory maps (the same maps
     * {@link PluginModule} binds) and validates its configuration.
     *
     * @throws PluginException listing every unknown name (with the known ones) and every bad value
     */
    public static PluginSelection resolve(PluginChoices choices, PluginRegistry registry) {
        List<String> problems = new ArrayList<>();
        var clustering = choices.clustering().flatMap(c -> select(PluginKind.CLUSTERING, registry.clustering(), c,
                registry, problems));
        var policy = choices.policy().flatMap(c -> select(PluginKind.POLICY, registry.policies(), c, registry,
                problems));
        var strategy = choices.strategy().flatMap(c -> select(PluginKind.STRATEGY, registry.strategies(), c,
                registry, problems));
        List<Selected<EventSinkFactory>> sinks = new ArrayList<>();
        Set<String> sinkNames = new HashSet<>();
        for (PluginChoices.Choice sink : choices.sinks()) {
            if (!sinkNames.add(sink.name())) {
                problems.add("sink '" + sink.name() + "' is chosen twice; list each sink once");
                continue;
            }
            select(PluginKind.SINK, registry.sinks(), sink, registry, problems).ifPresent(sinks::add);
        }
        if (!problems.isEmpty()) {
            throw new PluginException(problems);
        }
        return new PluginSelection(clustering, policy, strategy, sinks);
    }

    private static <F extends NamedFactory> Optional<Selected<F>> select(PluginKind kind, Map<String, F> factories,
            PluginChoices.Choice choice, PluginRegistry registry, List<String> problems) {
        F factory = factories.get(choice.name());
        if (factory == null) {
            problems.add("unknown " + kind.label() + " '" + choice.name() + "'; known: " + known(kind, factories));
            return Optional.empty();
        }
        Config config = Config.resolve(kind.label() + " " + choice.name(), factory.configKeys(), choice.config(),
                problems);
        return Optional.of(new Selected<>(kind, factory, config, registry.provenance(kind, choice.name())
                .orElseThrow()));
    }

    private static String known(PluginKind kind, Map<String, ? extends NamedFactory> factories) {
        String addJar = "(add a plugin jar offering one to the plugins directory)";
        if (kind.builtIn().isEmpty()) {
            return factories.isEmpty() ? "none " + addJar : String.join(", ", factories.keySet());
        }
        String builtIn = String.join(", ", kind.builtIn()) + " (built in)";
        List<String> plugins = factories.keySet().stream().filter(name -> !kind.builtIn().contains(name)).toList();
        return plugins.isEmpty() ? builtIn + "; no plugin offers another " + addJar
                : builtIn + ", " + String.join(", ", plugins);
    }

    public Optional<Selected<ClusteringFactory>> clustering() {
        return clustering;
    }

    public Optional<Selected<ReusePolicyFactory>> policy() {
        return policy;
    }

    public Optional<Selected<AdaptationStrategyFactory>> strategy() {
        return strategy;
    }

    public List<Selected<EventSinkFactory>> sinks() {
        return sinks;
    }

    /** Every selected factory, for the run's provenance record. */
    public List<Selected<?>> all() {
        List<Selected<?>> all = new ArrayList<>();
        clustering.ifPresent(all::add);
        policy.ifPresent(all::add);
        strategy.ifPresent(all::add);
        all.addAll(sinks);
        return List.copyOf(all);
    }
}

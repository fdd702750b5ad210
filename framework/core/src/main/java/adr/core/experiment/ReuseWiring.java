package adr.core.experiment;

import adr.core.data.Augmentation;
import adr.core.model.ModelCatalog;
import adr.core.nn.Network;
import adr.core.plugins.GuardedClusteringFactory;
import adr.core.plugins.GuardedPolicy;
import adr.core.plugins.GuardedStrategy;
import adr.core.plugins.PluginChoices;
import adr.core.plugins.PluginException;
import adr.core.plugins.PluginGuard;
import adr.core.plugins.PluginLoader;
import adr.core.plugins.PluginRegistry;
import adr.core.plugins.PluginSelection;
import adr.core.plugins.RunModule;
import adr.core.random.Seeds;
import adr.core.reuse.ReuseChange;
import adr.core.reuse.ReuseController;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReusePolicy;
import adr.spi.strategy.AdaptationStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Resolves a run's strategy, policy and clustering from the loaded plugins and builds
 * them, all problems reported together before the data is read, then builds the
 * controller that applies them. The engine holds each plugin's objects through a
 * {@link PluginGuard}, so a failure of their code names the plugin.
 */
final class ReuseWiring {
    private final PluginSelection selection;
    private final AdaptationStrategy strategy;
    private final ReusePolicy policy;

    private ReuseWiring(PluginSelection selection, AdaptationStrategy strategy, ReusePolicy policy) {
        this.selection = selection;
        this.strategy = strategy;
        this.policy = policy;
    }

    /**
     * Loads the plugins, checks every name and value, creates the strategy and policy and
     * a probe clustering, refuses layer names that are not convolutions of {@code model}
     * and a cluster-caching policy when {@code augmentation} changes the images every
     * epoch; throws a PluginException listing every problem.
     */
    static ReuseWiring prepare(ReuseConfig reuse, Augmentation augmentation, String model) {
        PluginRegistry registry;
        try {
            registry = load(reuse);
        } catch (PluginException loading) {
            throw withChoiceProblems(loading, reuse);
        }
        PluginSelection selection = RunModule.createInjector(registry, choices(reuse, registry))
                .getInstance(PluginSelection.class);
        List<String> problems = new ArrayList<>();
        var s = selection.strategy().orElseThrow();
        var p = selection.policy().orElseThrow();
        var c = selection.clustering().orElseThrow();
        AdaptationStrategy strategy = attempt(s, () -> s.factory().create(s.config()), GuardedStrategy::new,
                problems);
        ReusePolicy policy = attempt(p, () -> p.factory().create(p.config()), GuardedPolicy::new, problems);
        PluginSelection.clusteringRefusal(c).ifPresent(problems::add);
        List<String> convolutions = ModelCatalog.convolutions(model);
        if (strategy != null) {
            problems.addAll(unknownLayers("strategy", s.name(), strategy.layersNamed(), model, convolutions));
        }
        if (policy != null) {
            problems.addAll(unknownLayers("policy", p.name(), policy.layersNamed(), model, convolutions));
        }
        if (policy != null && policy.cachesClusters() && augmentation.enabled()) {
            problems.add(cacheWithAugmentation(p.name(), reuse.optionsFor("policy"), augmentation));
        }
        if (!problems.isEmpty()) {
            throw new PluginException(problems);
        }
        return new ReuseWiring(selection, strategy, policy);
    }

    /**
     * The configuration keys the run's strategy declares; empty when the plugins do not
     * load or the strategy is unknown, which {@link #prepare} reports.
     */
    static Optional<List<String>> strategyKeys(ReuseConfig reuse) {
        try {
            return Optional.ofNullable(load(reuse).strategies().get(reuse.strategy()))
                    .map(f -> f.configKeys().stream().map(ConfigKey::name).toList());
        } catch (PluginException e) {
            return Optional.empty();
        }
    }

    private static PluginRegistry load(ReuseConfig reuse) {
        PluginLoader loader = new PluginLoader();
        return reuse.pluginsDir() == null ? loader.loadDefault() : loader.load(reuse.pluginsDir());
    }

    private static PluginChoices choices(ReuseConfig reuse, PluginRegistry registry) {
        return PluginChoices.NONE.withStrategy(reuse.strategy(), strategyOptions(reuse, registry))
                .withPolicy(reuse.policy(), reuse.optionsFor("policy"))
                .withClustering(reuse.clustering(), reuse.optionsFor("clustering"));
    }

    /**
     * A broken plugin directory and a bad name in the configuration are reported together:
     * the run's choices are checked against the plugins that did load.
     */
    private static PluginException withChoiceProblems(PluginException loading, ReuseConfig reuse) {
        List<String> problems = new ArrayList<>(loading.problems());
        loading.usablePlugins().ifPresent(usable -> {
            try {
                RunModule.createInjector(usable, choices(reuse, usable)).getInstance(PluginSelection.class);
            } catch (PluginException choosing) {
                problems.addAll(choosing.problems());
            }
        });
        return new PluginException(problems);
    }

    /**
     * One problem per name that is not a convolution of the model, sorted; the fix names the options.
     *
     * @param kind {@code strategy} or {@code policy}, as in its {@code --KIND-options} flag
     */
    private static List<String> unknownLayers(String kind, String plugin, Set<String> named, String model,
            List<String> convolutions) {
        return named.stream().filter(n -> !convolutions.contains(n)).sorted()
                .map(n -> kind + " " + plugin + ": no convolution named '" + n + "' in " + model
                        + " (its convolutions: " + String.join(", ", convolutions) + "); correct the name in --" + kind
                        + "-options")
                .toList();
    }

    /**
     * Cached clusters belong to the images they were computed from; augmentation makes
     * every epoch's images new ones, so the cache would hand out other images' clusters.
     */
    private static String cacheWithAugmentation(String policy, Map<String, String> options, Augmentation aug) {
        String given = options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(","));
        List<String> on = new ArrayList<>();
        if (aug.cropPadding() > 0) {
            on.add("--crop-padding " + aug.cropPadding());
        }
        if (aug.horizontalFlip()) {
            on.add("--flip true");
        }
        return "policy " + policy + ": the cluster cache (--policy-options " + given + ") reuses each image's "
                + "clusters across epochs, but augmentation (" + String.join(" ", on) + ") changes the images "
                + "every epoch; set --crop-padding 0 --flip false, or turn the cache off with cache=none";
    }

    /**
     * The plugin's object, guarded for the run, or null with a problem: its refusal of a
     * value, its code's failure, or no object at all.
     */
    private static <T> T attempt(PluginSelection.Selected<?> chosen, Supplier<T> create,
            BiFunction<T, PluginGuard, T> guarded, List<String> problems) {
        PluginGuard guard = PluginGuard.of(chosen);
        try {
            T made = create.get();
            if (made != null) {
                return guarded.apply(made, guard);
            }
            problems.add(guard.brokeContract("while creating it", "it returned null").getMessage());
        } catch (IllegalArgumentException e) {
            problems.add(chosen.kind().label() + " " + chosen.name() + ": " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            problems.add(guard.failure("while creating it", e));
        }
        return null;
    }

    /** {@code L} and {@code H} go to strategies that declare them, unless given as strategy options. */
    private static Map<String, Object> strategyOptions(ReuseConfig reuse, PluginRegistry registry) {
        Map<String, Object> options = new LinkedHashMap<>(reuse.optionsFor("strategy"));
        var factory = registry.strategies().get(reuse.strategy());
        List<String> keys = factory == null ? List.of() : factory.configKeys().stream().map(ConfigKey::name).toList();
        if (keys.contains("L")) {
            options.putIfAbsent("L", reuse.subVectorLength());
        }
        if (keys.contains("H")) {
            options.putIfAbsent("H", reuse.hashBits());
        }
        return options;
    }

    /** @param changes hears every change of a layer's reuse configuration, with its reason */
    ReuseController controller(Network network, Seeds seeds, Consumer<ReuseChange> changes) {
        var clustering = selection.clustering().orElseThrow();
        return new ReuseController(network, GuardedClusteringFactory.of(clustering), clustering.config(), strategy,
                policy, seeds, changes);
    }

    /** The strategy, policy and clustering the run uses, for its provenance record. */
    List<PluginUse> plugins() {
        List<PluginSelection.Selected<?>> chosen = List.of(selection.strategy().orElseThrow(),
                selection.policy().orElseThrow(), selection.clustering().orElseThrow());
        return chosen.stream().map(s -> new PluginUse(s.kind(), s.name(), s.provenance(), s.config().asMap()))
                .toList();
    }
}

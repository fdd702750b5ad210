package adr.core.experiment;

import adr.core.nn.Network;
import adr.core.plugins.PluginChoices;
import adr.core.plugins.PluginLoader;
import adr.core.plugins.PluginRegistry;
import adr.core.plugins.PluginSelection;
import adr.core.plugins.RunModule;
import adr.core.random.Seeds;
import adr.core.reuse.ReuseController;
import adr.spi.config.ConfigKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Resolves a run's strategy, policy and clustering from the loaded plugins, all
 * problems reported together before training starts, and builds the controller that
 * applies them.
 */
final class ReuseWiring {
    private ReuseWiring() {
    }

    static PluginRegistry loadPlugins(ReuseConfig reuse) {
        PluginLoader loader = new PluginLoader();
        return reuse.pluginsDir() == null ? loader.loadDefault() : loader.load(reuse.pluginsDir());
    }

    /**
     * Checks every name and configuration value (a PluginException lists all problems)
     * and creates the run's injector, which hands out the selection.
     */
    static PluginSelection select(ReuseConfig reuse, PluginRegistry registry) {
        PluginChoices choices = PluginChoices.NONE.withStrategy(reuse.strategy(), strategyOptions(reuse, registry))
                .withPolicy(reuse.policy(), Map.of()).withClustering(reuse.clustering(), Map.of());
        return RunModule.createInjector(registry, choices).getInstance(PluginSelection.class);
    }

    /** {@code L} and {@code H} go to strategies that declare them. */
    private static Map<String, Object> strategyOptions(ReuseConfig reuse, PluginRegistry registry) {
        Map<String, Object> options = new LinkedHashMap<>();
        var factory = registry.strategies().get(reuse.strategy());
        List<String> keys = factory == null ? List.of() : factory.configKeys().stream().map(ConfigKey::name).toList();
        if (keys.contains("L")) {
            options.put("L", reuse.subVectorLength());
        }
        if (keys.contains("H")) {
            options.put("H", reuse.hashBits());
        }
        return options;
    }

    static ReuseController controller(PluginSelection selection, Network network, Seeds seeds,
            Consumer<String> log) {
        var clustering = selection.clustering().orElseThrow();
        var strategy = selection.strategy().orElseThrow();
        var policy = selection.policy().orElseThrow();
        return new ReuseController(network, clustering.factory(), clustering.config(),
                strategy.factory().create(strategy.config()), policy.factory().create(policy.config()), seeds,
                change -> log.accept("reuse: " + change));
    }
}

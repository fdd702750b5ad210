package adr.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.clustering.ClusteringFactory;
import adr.spi.events.EventSinkFactory;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.strategy.AdaptationStrategyFactory;
import com.google.inject.AbstractModule;
import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-run injector: strict binder, factories by name, the resolved selection. */
class RunModuleTest {
    private final PluginRegistry registry = TestPlugins.registry();

    static final class Unbound {
        @Inject
        Unbound() {
        }
    }

    interface Ping {
    }

    interface Pong {
    }

    static final class PingImpl implements Ping {
        @Inject
        PingImpl(Pong pong) {
        }
    }

    static final class PongImpl implements Pong {
        @Inject
        PongImpl(Ping ping) {
        }
    }

    @Test
    void theMapBindersHoldEveryFactoryByName() {
        Injector injector = RunModule.createInjector(registry, PluginChoices.NONE);

        Map<String, ClusteringFactory> clustering = injector.getInstance(
                Key.get(new TypeLiteral<Map<String, ClusteringFactory>>() { }));
        assertThat(clustering).containsOnlyKeys("kmeans", "lsh");
        assertThat(clustering.get("lsh")).isSameAs(registry.clustering().get("lsh"));
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, ReusePolicyFactory>>() { })))
                .containsOnlyKeys("everywhere");
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, EventSinkFactory>>() { })))
                .containsOnlyKeys("journal");
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, AdaptationStrategyFactory>>() { })))
                .isEmpty();
        assertThat(injector.getInstance(PluginRegistry.class)).isSameAs(registry);
    }

    @Test
    void theRunsSelectionIsBound() {
        Injector injector = RunModule.createInjector(registry, PluginChoices.NONE.withClustering("kmeans", Map.of()));

        PluginSelection selection = injector.getInstance(PluginSelection.class);

        assertThat(selection.clustering().orElseThrow().factory()).isSameAs(registry.clustering().get("kmeans"));
    }

    @Test
    void anUnboundRequestIsRefused() {
        Injector injector = RunModule.createInjector(registry, PluginChoices.NONE);

        assertThatThrownBy(() -> injector.getInstance(Unbound.class)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Explicit bindings are required");
    }

    @Test
    void circularDependenciesFailInsteadOfBeingProxied() {
        Injector injector = RunModule.createInjector(registry, PluginChoices.NONE, new AbstractModule() {
            @Override
            protected void configure() {
                bind(Ping.class).to(PingImpl.class);
                bind(Pong.class).to(PongImpl.class);
            }
        });

        assertThatThrownBy(() -> injector.getInstance(Ping.class)).isInstanceOf(ProvisionException.class)
                .hasMessageContaining("circular dependencies are disabled");
    }

    @Test
    void badChoicesFailBeforeTheInjectorIsCreated() {
        assertThatThrownBy(() -> RunModule.createInjector(registry, PluginChoices.NONE.withClustering("nope",
                Map.of()))).isInstanceOf(PluginException.class)
                .hasMessage("unknown clustering 'nope'; known: kmeans, lsh");
    }

    @Test
    void eachRunGetsItsOwnInjector() {
        assertThat(RunModule.createInjector(registry, PluginChoices.NONE))
                .isNotSameAs(RunModule.createInjector(registry, PluginChoices.NONE));
    }
}

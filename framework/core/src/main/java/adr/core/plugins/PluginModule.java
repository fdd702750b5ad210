package adr.core.plugins;

import adr.spi.clustering.ClusteringFactory;
import adr.spi.events.EventSinkFactory;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.strategy.AdaptationStrategyFactory;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;

/**
 * Binds every factory of a {@link PluginRegistry} by name: {@code Map<String,
 * ClusteringFactory>}, {@code Map<String, ReusePolicyFactory>}, {@code Map<String,
 * AdaptationStrategyFactory>} and {@code Map<String, EventSinkFactory>} (empty when no
 * plugin offers that kind), plus the registry itself.
 */
public final class PluginModule extends AbstractModule {
    private final PluginRegistry registry;

    public PluginModule(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bindByName(ClusteringFactory.class, registry.clustering());
        bindByName(ReusePolicyFactory.class, registry.policies());
        bindByName(AdaptationStrategyFactory.class, registry.strategies());
        bindByName(EventSinkFactory.class, registry.sinks());
    }

    private <F> void bindByName(Class<F> type, Map<String, F> factories) {
        MapBinder<String, F> byName = MapBinder.newMapBinder(binder(), String.class, type);
        factories.forEach((name, factory) -> byName.addBinding(name).toInstance(factory));
    }
}

package adr.core.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * The wiring of one run, with Guice's strict binder: every binding is explicit (no
 * just-in-time bindings), circular dependencies fail instead of being proxied, and
 * Guice reports all configuration errors of all modules together. Installs
 * {@link PluginModule} and binds the run's {@link PluginSelection}.
 *
 * <p>One injector per run, never a static one: {@link #createInjector}.
 */
public final class RunModule extends AbstractModule {
    private final PluginRegistry registry;
    private final PluginSelection selection;

    public RunModule(PluginRegistry registry, PluginSelection selection) {
        this.registry = registry;
        this.selection = selection;
    }

    /**
     * Resolves the run's choices and creates its injector. The choices are resolved
     * first, outside Guice, so unknown names and bad values arrive as one
     * {@link PluginException} rather than wrapped in Guice's exceptions.
     *
     * @param more the run's other modules (trainer, tracking, ...)
     * @throws PluginException listing every unknown name and bad configuration value
     */
    public static Injector createInjector(PluginRegistry registry, PluginChoices choices, Module... more) {
        List<Module> modules = new ArrayList<>(List.of(more));
        modules.add(0, new RunModule(registry, PluginSelection.resolve(choices, registry)));
        return Guice.createInjector(modules);
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        install(new PluginModule(registry));
        bind(PluginSelection.class).toInstance(selection);
    }
}

package adr.core.plugins;

import adr.spi.LayerShape;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.TrainingView;
import java.util.Set;

/** The run's policy as the engine uses it: a failed or missing scope names the plugin. */
public final class GuardedPolicy implements ReusePolicy {
    private final ReusePolicy policy;
    private final PluginGuard guard;

    public GuardedPolicy(ReusePolicy policy, PluginGuard guard) {
        this.policy = policy;
        this.guard = guard;
    }

    @Override
    public ReuseScope scope(LayerShape layer, ReuseSetting proposed, TrainingView view) {
        String scoping = "while choosing what " + layer.name() + " reuses at " + proposed;
        ReuseScope scope = guard.call(scoping, () -> policy.scope(layer, proposed, view));
        if (scope == null) {
            throw guard.brokeContract(scoping, "it returned null instead of a scope");
        }
        return scope;
    }

    @Override
    public String whyExact(LayerShape layer, ReuseSetting proposed) {
        String why = guard.call("while saying why " + layer.name() + " stays exact at " + proposed,
                () -> policy.whyExact(layer, proposed));
        return why == null ? "" : why;
    }

    @Override
    public boolean cachesClusters() {
        return guard.call("while saying whether it caches clusters", policy::cachesClusters);
    }

    @Override
    public Set<String> layersNamed() {
        return guard.call("while naming its layers", policy::layersNamed);
    }
}

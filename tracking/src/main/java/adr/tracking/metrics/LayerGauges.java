package adr.tracking.metrics;

import adr.core.reuse.LayerState;
import adr.core.reuse.Phase;
import adr.core.reuse.ReuseStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The meters of one convolution: its reuse configuration, r_c, clusters, phase times and changes. */
final class LayerGauges {
    private final MeterRegistry registry;
    private final Tags tags;
    private final Counter changes;
    private final Map<Phase, Timer> phases = new EnumMap<>(Phase.class);
    private volatile double active;
    private volatile double remainingRatio = 1;
    private volatile double clusters;
    private volatile double subVectorLength;
    private volatile double hashBits;

    LayerGauges(MeterRegistry registry, Tags runTags, String layer) {
        this.registry = registry;
        this.tags = runTags.and("layer", layer);
        gauge(MeterCatalog.REUSE_ACTIVE, g -> g.active);
        gauge(MeterCatalog.REUSE_REMAINING_RATIO, g -> g.remainingRatio);
        gauge(MeterCatalog.REUSE_CLUSTERS, g -> g.clusters);
        gauge(MeterCatalog.REUSE_SUBVECTOR_LENGTH, g -> g.subVectorLength);
        gauge(MeterCatalog.REUSE_HASH_BITS, g -> g.hashBits);
        changes = Counter.builder(MeterCatalog.REUSE_CHANGES.name()).description(MeterCatalog.REUSE_CHANGES
                .description()).tags(tags).register(registry);
        // every phase from the start, so an exact layer shows zero reuse time rather than no data
        for (Phase phase : Phase.values()) {
            phases.put(phase, Timer.builder(MeterCatalog.REUSE_PHASE.name())
                    .description(MeterCatalog.REUSE_PHASE.description()).tags(tags.and("phase", phase.label()))
                    .register(registry));
        }
    }

    private void gauge(MeterSpec spec, java.util.function.ToDoubleFunction<LayerGauges> value) {
        Gauge.builder(spec.name(), this, value).description(spec.description()).baseUnit(spec.baseUnit()).tags(tags)
                .register(registry);
    }

    /** Reads the layer's state after a step; reuse steps also record their phase times. */
    void update(LayerState state) {
        ReuseStats stats = state.lastStats();
        boolean reusing = state.reusing() && stats != null;
        active = reusing ? 1 : 0;
        subVectorLength = state.reusing() ? state.setting().subVectorLength() : 0;
        hashBits = state.reusing() ? state.setting().hashBits() : 0;
        remainingRatio = reusing ? stats.remainingRatio() : 1;
        clusters = reusing ? stats.clusters() : 0;
        if (reusing) {
            stats.seconds().forEach(
                    (phase, seconds) -> phases.get(phase).record(Duration.ofNanos((long) (seconds * 1e9))));
        }
    }

    void changed() {
        changes.increment();
    }
}

package adr.core.reuse;

import adr.core.nn.Conv2d;
import adr.core.nn.Layer;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.train.EpochReport;
import adr.core.train.StepContext;
import adr.core.train.StepReport;
import adr.core.train.TrainingListener;
import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.OutputError;
import adr.spi.strategy.ProbeResult;
import adr.spi.strategy.TrainingView.LayerStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies the run's strategy and policy to every convolution before each step: asks
 * the strategy for a setting, the policy for a scope, and swaps the layer onto a reuse
 * kernel (or back to exact) when either changed, recording the change with its reason.
 * After each step it reads every reuse kernel's statistics into the training view.
 */
public final class ReuseController implements TrainingListener {
    private final List<ControlledLayer> layers = new ArrayList<>();
    private final ClusteringFactory clustering;
    private final Config clusteringConfig;
    private final AdaptationStrategy strategy;
    private final ReusePolicy policy;
    private final Seeds seeds;
    private final Consumer<ReuseChange> changeLog;
    private final ReuseProbe probes;
    private final RunView view = new RunView(this::probe, this::probeError, this::reuseRefusal);
    private final List<ReuseChange> changes = new ArrayList<>();
    private final ReuseCapacity capacity;
    /** The settings a checkpoint saved, for the strategy before the first step of a continued run. */
    private Map<String, String> savedSettings = Map.of();
    /** The most images a step has had: the run's batch size, which an epoch's last batch may fall short of. */
    private int fullBatch;
    /** The images of the step about to run; 0 when not known. */
    private int stepBatch;

    public ReuseController(Network network, ClusteringFactory clustering, Config clusteringConfig,
            AdaptationStrategy strategy, ReusePolicy policy, Seeds seeds, Consumer<ReuseChange> changeLog) {
        this(network, clustering, clusteringConfig, strategy, policy, seeds, changeLog, ReuseCapacity.JAVA_ARRAYS);
    }

    /** @param capacity the largest arrays a reuse step may allocate; tests pass a small one */
    ReuseController(Network network, ClusteringFactory clustering, Config clusteringConfig,
            AdaptationStrategy strategy, ReusePolicy policy, Seeds seeds, Consumer<ReuseChange> changeLog,
            ReuseCapacity capacity) {
        this.capacity = capacity;
        this.clustering = clustering;
        this.clusteringConfig = clusteringConfig;
        this.strategy = strategy;
        this.policy = policy;
        this.seeds = seeds;
        this.changeLog = changeLog;
        this.probes = new ReuseProbe(clustering, clusteringConfig, seeds);
        long[] sample = network.inputShape();
        for (Layer layer : network.layers()) {
            long[] out = layer.outputShape(sample);
            if (layer instanceof Conv2d conv) {
                // the first layer's input is the images themselves: unchanged between epochs
                layers.add(new ControlledLayer(conv, conv.shape(), layer == network.layers().get(0),
                        new ReuseCapacity.PerImage(out[1] * out[2], sample[0] * sample[1] * sample[2])));
            }
            sample = out;
        }
    }

    /** The clustering seed of one layer at one setting; a probe of that setting gets the same. */
    static long clusterSeed(Seeds seeds, LayerShape shape, ReuseSetting setting) {
        return seeds.derive("cluster/" + shape.name() + "/" + setting.subVectorLength() + "/" + setting.hashBits());
    }

    /**
     * Steps without a probe after which a layer stops copying its input for probes. A
     * probe after that starts recording again (empty once, as the first probe), so no
     * strategy loses anything but a step; one whose layers went exact for good stops
     * paying a copy of the layer's input (3.2 MB for CifarNet conv2) every step.
     */
    static final long RECORDING_IDLE_STEPS = 50;

    /**
     * What {@code setting} would do to {@code layer} now (TrainingView.probe); empty for a
     * non-convolution name, and for a setting the run's batch is too large to reuse.
     */
    private Optional<ProbeResult> probe(String layer, ReuseSetting setting) {
        return probed(layer, setting).flatMap(l -> probes.measure(l.conv, l.shape, setting, l.scope, view.step()));
    }

    /** The output error of {@code setting} on {@code layer} now (TrainingView.probeError); empty as for a probe. */
    private Optional<OutputError> probeError(String layer, ReuseSetting setting) {
        return probed(layer, setting).flatMap(l -> probes.measureError(l.conv, l.shape, setting, view.step()));
    }

    /** Why the run's batch cannot reuse {@code setting} on {@code layer} (TrainingView.reuseRefusal). */
    private Optional<String> reuseRefusal(String layer, ReuseSetting setting) {
        return named(layer).flatMap(l -> refusal(l, setting));
    }

    /**
     * Judged at the run's batch size, the most images a step has had or is about to have, not
     * at an epoch's short last batch: that one fitting would switch a layer to reuse for one step.
     */
    private Optional<String> refusal(ControlledLayer l, ReuseSetting setting) {
        return capacity.refusal(l.shape, setting, l.size, Math.max(fullBatch, stepBatch));
    }

    /**
     * The convolution named {@code layer}, marked as probed at this step; empty for another
     * name, and for a setting the run's batch is too large to reuse, which is not measured
     * and does not keep the layer recording its input.
     */
    private Optional<ControlledLayer> probed(String layer, ReuseSetting setting) {
        Optional<ControlledLayer> found = named(layer).filter(l -> refusal(l, setting).isEmpty());
        found.ifPresent(l -> l.lastProbeStep = view.step());
        return found;
    }

    private Optional<ControlledLayer> named(String layer) {
        return layers.stream().filter(l -> l.shape.name().equals(layer)).findFirst();
    }

    public List<ReuseChange> changes() {
        return List.copyOf(changes);
    }

    /** Every convolution's current configuration and last statistics, in network order. */
    public List<LayerState> layerStates() {
        return layers.stream().map(l -> new LayerState(l.shape.name(), l.setting, l.scope,
                l.kernel == null ? null : l.kernel.lastStats())).toList();
    }

    /**
     * What a checkpoint keeps of reuse: every convolution's setting and what the strategy
     * knows of it ({@link SavedReuse}).
     */
    public Map<String, String> checkpointEntries() {
        Map<String, Map<String, String>> states = new LinkedHashMap<>();
        for (ControlledLayer l : layers) {
            Map<String, String> state = strategy.state(l.shape);
            if (!state.isEmpty()) {
                states.put(l.shape.name(), state);
            }
        }
        return SavedReuse.entries(layerStates(), states);
    }

    /** The reuse kernel {@code layer} computes with now, null when it is exact or not a convolution. */
    ReuseConvKernel kernelOf(String layer) {
        return named(layer).map(l -> l.kernel).orElse(null);
    }

    /** Mean {@code r_c} per convolution over the steps so far (1 for exact steps). */
    public Map<String, Double> meanRemainingRatio() {
        Map<String, Double> means = new LinkedHashMap<>();
        for (ControlledLayer l : layers) {
            means.put(l.shape.name(), l.steps == 0 ? 1.0 : l.ratioSum / l.steps);
        }
        return means;
    }

    /**
     * The run continues from a checkpoint: before its first step, the strategy hears each
     * layer's saved setting and its own saved state of the layer ({@link SavedReuse}).
     *
     * @param checkpointConfig the checkpoint's configuration entries
     */
    public void resumeFrom(Map<String, String> checkpointConfig) {
        savedSettings = Map.copyOf(checkpointConfig);
    }

    /** Hands the strategy each saved layer in the network's order, so that what it hears does not vary. */
    private void resumeSavedLayers() {
        Map<String, ReuseSetting> settings = new HashMap<>();
        SavedReuse.forEach(savedSettings, settings::put);
        Map<String, Map<String, String>> states = SavedReuse.states(savedSettings);
        for (ControlledLayer l : layers) {
            String name = l.shape.name();
            if (settings.containsKey(name)) {
                strategy.resume(l.shape, settings.get(name), states.getOrDefault(name, Map.of()), view);
            }
        }
        savedSettings = Map.of();
    }

    @Override
    public void beforeStep(StepContext context) {
        view.at(context);
        stepBatch = context.samples() == null ? 0 : context.samples().length;
        resumeSavedLayers();
        for (ControlledLayer l : layers) {
            if (l.lastProbeStep >= 0 && context.globalStep() - l.lastProbeStep > RECORDING_IDLE_STEPS) {
                l.conv.stopKeepingTrainingInputs();
                l.lastProbeStep = -1;
            }
            l.conv.useKernel(l.kernel);
            Plan plan = plan(l);
            // a refusal (by the policy, or a batch too large) changes nothing when the layer was exact, but
            // the strategy's choice was not followed, so it is recorded once per refused setting
            boolean newlyRefused = plan.refused() != null && !plan.refused().equals(l.refused);
            l.refused = plan.refused();
            if (l.differs(plan.setting(), plan.scope()) || newlyRefused) {
                ReuseSetting from = l.setting;
                String reason = plan.reason() + l.apply(plan.setting(), plan.scope());
                ReuseChange change = new ReuseChange(context.globalStep(), l.shape.name(), from, plan.setting(),
                        plan.scope(), reason);
                changes.add(change);
                changeLog.accept(change);
            }
            if (l.kernel != null) {
                l.kernel.nextSamples(context.samples());
            }
        }
    }

    /**
     * A layer's configuration for the coming step and why: null setting and exact scope for
     * an exact step; {@code refused} is the strategy's setting when the policy kept the layer
     * exact or the batch was too large for it.
     */
    private record Plan(ReuseSetting setting, ReuseScope scope, String reason, ReuseSetting refused) {
        Plan(ReuseSetting setting, ReuseScope scope, String reason) {
            this(setting, scope, reason, null);
        }
    }

    /** The strategy's setting and the policy's scope for a layer, unless the policy or the batch size refuses it. */
    private Plan plan(ControlledLayer l) {
        LayerDecision decision = strategy.decide(l.shape, l.setting, view);
        ReuseSetting proposed = decision.setting();
        if (proposed == null) {
            return new Plan(null, ReuseScope.EXACT, decision.reason());
        }
        ReuseScope scope = policy.scope(l.shape, proposed, view);
        if (!scope.forward()) {
            String why = policy.whyExact(l.shape, proposed);
            return new Plan(null, scope, decision.reason() + "; policy keeps it exact"
                    + (why.isBlank() ? lastRatioNote(l.shape) : ": " + why), proposed);
        }
        Optional<String> tooLarge = refusal(l, proposed);
        if (tooLarge.isPresent()) {
            return new Plan(null, ReuseScope.EXACT, decision.reason() + "; " + tooLarge.get() + ", so it stays exact",
                    proposed);
        }
        return new Plan(proposed, scope, decision.reason() + paddingNote(l.shape, proposed));
    }

    /**
     * What a policy that turns a reusing layer off without saying why has most likely
     * judged: its last measured r_c.
     */
    private String lastRatioNote(LayerShape layer) {
        LayerStats last = view.layer(layer.name());
        return last == null || !last.reused() ? ""
                : String.format(Locale.ROOT, ": r_c %.3f at its last reuse step", last.remainingRatio());
    }

    /** Padding hurt accuracy in public runs, so a setting that needs it says so. */
    private static String paddingNote(LayerShape layer, ReuseSetting setting) {
        if (setting == null || layer.rowLength() % setting.subVectorLength() == 0) {
            return "";
        }
        return "; L=" + setting.subVectorLength() + " does not divide K=" + layer.rowLength()
                + ", the last group is zero-padded";
    }

    @Override
    public void onStep(StepReport step) {
        view.record(step.loss());
        fullBatch = Math.max(fullBatch, step.images());
        boolean shortBatch = step.images() < fullBatch;
        for (ControlledLayer l : layers) {
            ReuseStats stats = l.kernel == null ? null : l.kernel.lastStats();
            double ratio = stats == null ? 1.0 : stats.remainingRatio();
            l.ratioSum += ratio;
            l.steps++;
            // An epoch's short last batch has fewer rows for as many clusters, so a higher r_c
            // and a shorter time than the steps around it; strategies and policies judging a
            // layer by it would switch it off and on again at every epoch's end.
            LayerStats previous = view.layer(l.shape.name());
            if (!shortBatch || previous == null || previous.reused() != (stats != null)) {
                view.layer(l.shape.name(), ratio, l.conv.lastStepSeconds(), stats != null);
            }
        }
    }

    /** Evaluation measures the model itself: every convolution computes exactly. */
    @Override
    public void onEvaluationStart(int epoch) {
        layers.forEach(l -> l.conv.useKernel(null));
    }

    @Override
    public void onEpochEnd(EpochReport epoch) {
        if (epoch.test() != null) {
            view.testAccuracy(epoch.test().accuracy());
        }
    }

    /** One convolution and the reuse configuration it runs with now. */
    private final class ControlledLayer {
        final Conv2d conv;
        final LayerShape shape;
        /** Whether the layer's input is the batch's images (the network's first layer). */
        final boolean readsData;
        /** The layer's sizes per image, for the reuse capacity. */
        final ReuseCapacity.PerImage size;
        /** The strategy's last setting that the policy or the batch size refused; null when it was followed. */
        ReuseSetting refused;
        ReuseSetting setting;
        ReuseScope scope = ReuseScope.EXACT;
        ReuseConvKernel kernel;
        double ratioSum;
        long steps;
        /** The step of the layer's last probe, -1 when it does not record its input. */
        long lastProbeStep = -1;

        ControlledLayer(Conv2d conv, LayerShape shape, boolean readsData, ReuseCapacity.PerImage size) {
            this.conv = conv;
            this.shape = shape;
            this.readsData = readsData;
            this.size = size;
        }

        boolean differs(ReuseSetting next, ReuseScope nextScope) {
            return !java.util.Objects.equals(setting, next) || !scope.equals(nextScope);
        }

        /** @return a note on the layer's cluster cache, for the change's reason */
        String apply(ReuseSetting next, ReuseScope nextScope) {
            setting = next;
            scope = nextScope;
            if (kernel != null) {
                // between steps no layer holds the old kernel's arrays (each drops its input after its
                // backward), so its memory is freed now for the next kernel rather than left to the collector
                kernel.releaseNative();
            }
            if (next == null) {
                kernel = null;
                conv.useKernel(null);
                return "";
            }
            long seed = clusterSeed(seeds, shape, next);
            var algorithm = clustering.create(shape, next, clusteringConfig, seed);
            // a new kernel, so a new (empty) cache: keys of another setting never mix in
            var cache = ClusterCache.plan(nextScope, algorithm, readsData);
            kernel = new ReuseConvKernel(conv.geometry(), next, nextScope, algorithm, conv.exactKernel(),
                    cache.cache());
            conv.useKernel(kernel);
            return cache.note();
        }
    }
}

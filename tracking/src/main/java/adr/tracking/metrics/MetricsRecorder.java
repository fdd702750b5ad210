package adr.tracking.metrics;

import adr.core.experiment.RunObserver;
import adr.core.experiment.RunStart;
import adr.core.reuse.LayerState;
import adr.core.reuse.ReuseChange;
import adr.core.train.EpochReport;
import adr.core.train.StepReport;
import adr.core.train.TrainingPace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Turns a run's callbacks into the catalog's training and reuse meters. Loss, images/s,
 * learning rate and epoch come from the run's {@link TrainingPace}, the same numbers the
 * console progress line shows. Registered once the run starts (its strategy and
 * clustering are tags); must hear each step after the reuse controller and the pace.
 */
public final class MetricsRecorder implements RunObserver {
    private final MeterRegistry registry;
    private final String runId;
    private final TrainingPace pace;
    private final Map<String, LayerGauges> layers = new LinkedHashMap<>();
    private Supplier<List<LayerState>> layerStates = List::of;
    private Timer step;
    private Counter images;
    private volatile double progress;
    private volatile double evalAccuracy = Double.NaN;
    private volatile double evalLoss = Double.NaN;
    private long totalSteps;

    public MetricsRecorder(MeterRegistry registry, String runId, TrainingPace pace) {
        this.registry = registry;
        this.runId = runId;
        this.pace = pace;
    }

    @Override
    public void onRunStart(RunStart start) {
        var reuse = start.config().reuse();
        Tags tags = Tags.of("run", runId, "strategy", reuse.strategy(), "clustering",
                reuse.exact() ? "none" : reuse.clustering());
        totalSteps = start.totalSteps();
        progress = totalSteps == 0 ? 0 : (double) start.start().globalStep() / totalSteps;
        step = Timer.builder(MeterCatalog.TRAIN_STEP.name()).description(MeterCatalog.TRAIN_STEP.description())
                .tags(tags).register(registry);
        images = Counter.builder(MeterCatalog.TRAIN_IMAGES.name()).description(MeterCatalog.TRAIN_IMAGES
                .description()).tags(tags).register(registry);
        gauge(MeterCatalog.TRAIN_LOSS, tags, pace, TrainingPace::smoothedLoss);
        gauge(MeterCatalog.TRAIN_THROUGHPUT, tags, pace, TrainingPace::imagesPerSecond);
        gauge(MeterCatalog.TRAIN_LEARNING_RATE, tags, pace, TrainingPace::learningRate);
        gauge(MeterCatalog.TRAIN_EPOCH, tags, pace, p -> Math.max(p.epoch(), start.start().epochsDone() + 1));
        gauge(MeterCatalog.TRAIN_PROGRESS, tags, this, r -> r.progress);
        gauge(MeterCatalog.EVAL_ACCURACY, tags, this, r -> r.evalAccuracy);
        gauge(MeterCatalog.EVAL_LOSS, tags, this, r -> r.evalLoss);
        layerStates = start.layers();
        for (LayerState state : layerStates.get()) {
            layers.put(state.layer(), new LayerGauges(registry, tags, state.layer()));
        }
    }

    private <T> void gauge(MeterSpec spec, Tags tags, T source, ToDoubleFunction<T> value) {
        Gauge.builder(spec.name(), source, value).description(spec.description()).baseUnit(spec.baseUnit())
                .tags(tags).strongReference(true).register(registry);
    }

    @Override
    public void onStep(StepReport report) {
        step.record(Duration.ofNanos((long) (report.seconds() * 1e9)));
        images.increment(report.images());
        progress = totalSteps == 0 ? 0 : (double) (report.globalStep() + 1) / totalSteps;
        for (LayerState state : layerStates.get()) {
            LayerGauges gauges = layers.get(state.layer());
            if (gauges != null) {
                gauges.update(state);
            }
        }
    }

    @Override
    public void onReuseChange(ReuseChange change) {
        LayerGauges gauges = layers.get(change.layer());
        if (gauges != null) {
            gauges.changed();
        }
    }

    @Override
    public void onEpochEnd(EpochReport epoch) {
        if (epoch.test() != null) {
            evalAccuracy = epoch.test().accuracy();
            evalLoss = epoch.test().loss();
        }
    }
}

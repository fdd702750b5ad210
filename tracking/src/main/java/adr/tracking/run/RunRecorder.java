package adr.tracking.run;

import adr.core.experiment.ExperimentOutcome;
import adr.core.experiment.PluginUse;
import adr.core.experiment.RunObserver;
import adr.core.experiment.RunStart;
import adr.core.reuse.LayerState;
import adr.core.reuse.ReuseChange;
import adr.core.train.EpochReport;
import adr.core.train.StepReport;
import adr.core.train.TrainingProgress;
import adr.tracking.events.CheckpointSaved;
import adr.tracking.events.EpochStarted;
import adr.tracking.events.EvaluationCompleted;
import adr.tracking.events.Heartbeat;
import adr.tracking.events.ReuseConfigChanged;
import adr.tracking.events.RunCompleted;
import adr.tracking.events.RunFailed;
import adr.tracking.events.RunInterrupted;
import adr.tracking.events.RunStarted;
import adr.tracking.events.StepMetrics;
import adr.tracking.events.StepMetrics.LayerMetrics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns a run's callbacks into its events: {@code RunStarted} with the resolved
 * configuration and plugin provenance, {@code EpochStarted}, {@code StepMetrics} every
 * {@code metricsEvery} steps and at each epoch's last step (loss and throughput averaged
 * over the steps since the previous record), {@code ReuseConfigChanged} with its reason,
 * {@code EvaluationCompleted}, {@code CheckpointSaved}, heartbeats, and the run's end.
 * The journal is forced to disk at each epoch end, checkpoint and end of the run.
 */
public final class RunRecorder implements RunObserver {
    private final EventLog log;
    private final RecorderSettings settings;
    private final boolean resumed;
    private final Consumer<RunRecorder> onStarted;
    private final Runnable beforeEnd;
    private Supplier<List<LayerState>> layers = List::of;
    private volatile int epoch;
    private volatile long globalStep;
    private int windowSteps;
    private double windowLoss;
    private long windowImages;
    private double windowSeconds;

    /**
     * @param onStarted called once {@code RunStarted} is written, for example to start heartbeats
     * @param beforeEnd called before the run's last event (completed, failed or interrupted) is
     *     written, for example to stop heartbeats, so that the last event is the run's end
     */
    public RunRecorder(EventLog log, RecorderSettings settings, boolean resumed, Consumer<RunRecorder> onStarted,
            Runnable beforeEnd) {
        this.log = log;
        this.settings = settings;
        this.resumed = resumed;
        this.onStarted = onStarted;
        this.beforeEnd = beforeEnd;
    }

    public String runId() {
        return log.runId();
    }

    @Override
    public void onRunStart(RunStart start) {
        layers = start.layers();
        epoch = start.start().epochsDone();
        globalStep = start.start().globalStep();
        var c = start.config();
        Map<String, Object> config = new LinkedHashMap<>(c.asMap());
        if (c.checkpointDir() != null) {
            config.put("checkpoint-dir", c.checkpointDir().toAbsolutePath().toString());
        }
        log.append(new RunStarted(c.model(), c.dataset(), c.reuse().strategy(),
                c.reuse().exact() ? "none" : c.reuse().clustering(), config, plugins(start.plugins()), c.epochs(),
                start.totalSteps(), start.trainImages(), start.testImages(), settings.host(), settings.pid(),
                settings.heartbeatSeconds(), resumed, start.start().epochsDone(), start.start().globalStep()));
        log.sync();
        onStarted.accept(this);
    }

    private List<RunStarted.PluginUse> plugins(List<PluginUse> runPlugins) {
        List<PluginUse> uses = new java.util.ArrayList<>(runPlugins);
        uses.addAll(settings.sinkPlugins());
        return uses.stream().map(u -> new RunStarted.PluginUse(u.kind().label(), u.name(), u.provenance().pluginId(),
                u.provenance().version(), u.provenance().spiVersion().toString(), u.provenance().source(), u.config()))
                .toList();
    }

    @Override
    public void onEpochStart(int epochNumber, int steps) {
        epoch = epochNumber;
        log.append(new EpochStarted(epochNumber, steps));
    }

    @Override
    public void onStep(StepReport step) {
        globalStep = step.globalStep() + 1;
        windowSteps++;
        windowLoss += step.loss();
        windowImages += step.images();
        windowSeconds += step.seconds();
        if (windowSteps >= settings.metricsEvery() || step.step() == step.stepsInEpoch()) {
            List<LayerMetrics> perLayer = layers.get().stream().map(LayerMetricsReader::of).toList();
            log.append(new StepMetrics(step.epoch(), step.step(), step.stepsInEpoch(), step.globalStep(),
                    windowLoss / windowSteps, step.learningRate(),
                    windowSeconds > 0 ? windowImages / windowSeconds : 0, perLayer));
            windowSteps = 0;
            windowLoss = 0;
            windowImages = 0;
            windowSeconds = 0;
        }
    }

    @Override
    public void onReuseChange(ReuseChange change) {
        log.append(new ReuseConfigChanged(change.layer(), LayerMetricsReader.setting(change.from()),
                LayerMetricsReader.setting(change.to()), ReuseChange.scopeLabel(change.scope()), change.reason(),
                epoch, change.step()));
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        if (report.test() != null) {
            log.append(new EvaluationCompleted(report.epoch(), report.test().accuracy(), report.test().loss(),
                    report.test().count()));
        }
        log.sync();
    }

    @Override
    public void onCheckpointSaved(TrainingProgress progress, Path dir) {
        log.append(new CheckpointSaved(progress.epochsDone(), progress.globalStep(), dir.toAbsolutePath().toString()));
        log.sync();
    }

    /** Called by the heartbeat thread. */
    public void heartbeat() {
        log.append(new Heartbeat(epoch, globalStep));
    }

    public void completed(ExperimentOutcome outcome) {
        beforeEnd.run();
        var r = outcome.result();
        log.append(new RunCompleted(r.test().accuracy(), r.test().loss(), r.wallSeconds(), r.trainSeconds(),
                r.imagesPerSecond(), r.imagesTrained(), r.progress().epochsDone(), r.progress().globalStep(),
                outcome.reuse().meanRemainingRatio()));
        log.sync();
    }

    public void failed(Throwable error) {
        beforeEnd.run();
        log.append(new RunFailed(error.getClass().getSimpleName(), String.valueOf(error.getMessage()), epoch,
                globalStep));
        log.sync();
    }

    /** @param checkpoint where the stopped run's state was saved, null when it was not */
    public void interrupted(String signal, TrainingProgress progress, Path checkpoint) {
        beforeEnd.run();
        log.append(new RunInterrupted(signal, progress.epochsDone(), progress.globalStep(),
                checkpoint == null ? null : checkpoint.toAbsolutePath().toString()));
        log.sync();
    }
}

package adr.core.experiment;

import adr.core.checkpoint.Checkpoint;
import adr.core.checkpoint.CheckpointException;
import adr.core.checkpoint.CheckpointStore;
import adr.core.data.Dataset;
import adr.core.data.Normalization;
import adr.core.nn.Network;
import adr.core.nn.Conv2d;
import adr.core.reuse.LayerState;
import adr.core.reuse.ReuseChange;
import adr.core.reuse.ReuseController;
import adr.core.reuse.SavedReuse;
import adr.core.train.EpochReport;
import adr.core.train.LearningRateSchedule;
import adr.core.train.StopSignal;
import adr.core.train.StepReport;
import adr.core.train.Trainer;
import adr.core.train.TrainingListener;
import adr.core.train.TrainingLoop;
import adr.core.train.TrainingOutOfMemoryException;
import adr.core.train.TrainingPlan;
import adr.core.train.TrainingProgress;
import adr.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns an {@link ExperimentConfig} into a finished training run. A {@link StopSignal}
 * ends the run at the next step boundary; with a checkpoint directory configured, the
 * stopped run's state is checkpointed there so that a resume continues from that step.
 */
public final class ExperimentRunner {
    private final Supplier<PreparedExperiment> setup;
    private final RunObserver observer;
    private final Consumer<String> log;
    private final StopSignal stop;
    /** Null: nothing watches the memory ceiling. */
    private final Consumer<TrainingOutOfMemoryException> ceilingPassed;

    public ExperimentRunner(ExperimentConfig config, TrainingListener listener) {
        this(config, RunObserver.of(listener), line -> { }, new StopSignal());
    }

    /** @param log receives notes a user should see, such as every reuse change with its reason */
    public ExperimentRunner(ExperimentConfig config, TrainingListener listener, Consumer<String> log) {
        this(config, RunObserver.of(listener), log, new StopSignal());
    }

    /** Reads the data and builds the model when {@link #run} starts. */
    public ExperimentRunner(ExperimentConfig config, RunObserver observer, Consumer<String> log, StopSignal stop) {
        this(() -> PreparedExperiment.of(config), observer, log, stop);
        PreparedExperiment.requireValid(config);
    }

    /** Trains a run prepared beforehand, so that its input was checked before anything recorded it. */
    public ExperimentRunner(PreparedExperiment prepared, RunObserver observer, Consumer<String> log,
            StopSignal stop) {
        this(() -> prepared, observer, log, stop);
    }

    private ExperimentRunner(Supplier<PreparedExperiment> setup, RunObserver observer, Consumer<String> log,
            StopSignal stop) {
        this(setup, observer, log, stop, null);
    }

    private ExperimentRunner(Supplier<PreparedExperiment> setup, RunObserver observer, Consumer<String> log,
            StopSignal stop, Consumer<TrainingOutOfMemoryException> ceilingPassed) {
        this.setup = setup;
        this.observer = observer;
        this.log = log;
        this.stop = stop;
        this.ceilingPassed = ceilingPassed;
    }

    /**
     * The same runner, watching the process's memory while it trains: when a step passes
     * the memory ceiling inside a native operation, where no allocation is left to fail and
     * the kernel would kill the process next, {@code receiver} gets the failure on another
     * thread, once, while the step goes on. It should record the failure and end the process.
     */
    public ExperimentRunner watchingMemory(Consumer<TrainingOutOfMemoryException> receiver) {
        return new ExperimentRunner(setup, observer, log, stop, receiver);
    }

    /**
     * Checks a run's plugin choices, their options and the layers they name as {@link #run}
     * does first, without reading data or training: for commands that start several runs
     * and should refuse a bad one before the first starts.
     *
     * @throws adr.core.plugins.PluginException listing every problem
     */
    public static void checkPlugins(ExperimentConfig config) {
        PreparedExperiment.wiring(config);
    }

    /**
     * The configuration keys of the run's strategy (for a warning when settings it does not
     * read were given); empty when the plugins do not load or the strategy is unknown.
     */
    public static Optional<List<String>> strategyKeys(ExperimentConfig config) {
        return ReuseWiring.strategyKeys(config.reuse());
    }

    /** Trains the prepared model (reading the data and building it first unless it was prepared). */
    public ExperimentOutcome run() {
        PreparedExperiment prepared = setup.get();
        ExperimentConfig config = prepared.config;
        Network network = prepared.network;
        Dataset train = prepared.train;
        Dataset test = prepared.test;
        TrainingPlan plan = new TrainingPlan(config.epochs(), config.batchSize(), config.evalBatchSize(),
                LearningRateSchedule.named(config.schedule(), config.learningRate()),
                PreparedExperiment.augmentation(config), true);
        List<TrainingListener> listeners = new ArrayList<>();
        ReuseWiring wiring = prepared.wiring;
        ReuseController reuse = wiring == null ? null : wiring.controller(network, prepared.seeds, this::reuseChanged);
        if (reuse != null) {
            reuse.resumeFrom(SavedReuse.forStrategy(prepared.checkpointConfig, config.reuse().strategy()));
            listeners.add(reuse);
        }
        CheckpointingListener checkpoints = config.checkpointDir() == null ? null
                : new CheckpointingListener(prepared, reuse, prepared.start.globalStep());
        if (checkpoints != null) {
            // before the caller's listener: an epoch's checkpoint is on disk before anything else hears of it
            listeners.add(checkpoints);
        }
        listeners.add(observer);
        if (checkpoints != null) {
            listeners.add(checkpoints.failureOnceRecorded());
        }
        long totalSteps = (long) config.epochs() * ((train.size() + config.batchSize() - 1) / config.batchSize());
        observer.onRunStart(new RunStart(config, wiring == null ? List.of() : wiring.plugins(), prepared.start,
                totalSteps, train.size(), test.size(), reuse == null ? exactLayers(network) : reuse::layerStates));
        TrainingLoop loop = new TrainingLoop(new Trainer(network, prepared.optimizer), plan, prepared.seeds,
                Normalization.fit(train), new CompositeObserver(listeners.stream().map(RunObserver::of).toList()),
                stop);
        TrainingResult result;
        try (MemoryWatch watch = ceilingPassed == null ? null
                : MemoryWatch.start(memory -> ceilingPassed.accept(outOfMemory(memory, config)))) {
            result = runLoop(loop, prepared);
        }
        if (result.stopped() && checkpoints != null) {
            checkpoints.save(result.progress());
        }
        ReuseSummary summary = reuse == null ? ReuseSummary.EXACT
                : new ReuseSummary(reuse.meanRemainingRatio(), reuse.changes());
        return new ExperimentOutcome(config, result, train.size(), test.size(), network.parameterCount(), summary);
    }

    /** The training loop's run; memory the machine cannot give becomes a failure the run can record. */
    private static TrainingResult runLoop(TrainingLoop loop, PreparedExperiment prepared) {
        try {
            return loop.run(prepared.train, prepared.test, prepared.start);
        } catch (OutOfMemoryError e) {
            // the step's arrays are unreachable once it unwinds, so the failure can still be recorded
            throw new TrainingOutOfMemoryException(e, prepared.config.batchSize(), prepared.config.evalBatchSize());
        }
    }

    private static TrainingOutOfMemoryException outOfMemory(NativeMemory memory, ExperimentConfig config) {
        return new TrainingOutOfMemoryException(new OutOfMemoryError("the process's resident memory reached "
                + NativeMemory.size(memory.used()) + " inside a native operation, past its ceiling of "
                + NativeMemory.size(memory.ceiling()) + " (org.bytedeco.javacpp.maxphysicalbytes)"),
                config.batchSize(), config.evalBatchSize());
    }

    private void reuseChanged(ReuseChange change) {
        log.accept("reuse: " + change);
        observer.onReuseChange(change);
    }

    private static Supplier<List<LayerState>> exactLayers(Network network) {
        List<LayerState> exact = network.layers().stream().filter(l -> l instanceof Conv2d)
                .map(l -> LayerState.exact(l.name())).toList();
        return () -> exact;
    }

    /**
     * Saves a checkpoint after every epoch, before anything else hears of the epoch's end.
     * A save that fails fails the run only after the caller has heard the epoch's end
     * ({@link #failureOnceRecorded}): the epoch was trained and evaluated, and its results
     * are worth recording although its weights cannot be kept. A resume from the previous
     * checkpoint trains the epoch again, and its new evaluation replaces the recorded one.
     */
    private final class CheckpointingListener implements TrainingListener {
        private final PreparedExperiment prepared;
        /** Null for an exact run. */
        private final ReuseController reuse;
        private long stepsTaken;
        private CheckpointException failed;

        CheckpointingListener(PreparedExperiment prepared, ReuseController reuse, long stepsTaken) {
            this.prepared = prepared;
            this.reuse = reuse;
            this.stepsTaken = stepsTaken;
        }

        @Override
        public void onStep(StepReport step) {
            stepsTaken = step.globalStep() + 1;
        }

        @Override
        public void onEpochEnd(EpochReport epoch) {
            try {
                save(new TrainingProgress(epoch.epoch(), stepsTaken));
            } catch (CheckpointException e) {
                failed = e;
            }
        }

        /** Listens after the caller: rethrows a failed save of the epoch just heard of. */
        TrainingListener failureOnceRecorded() {
            return new TrainingListener() {
                @Override
                public void onEpochEnd(EpochReport epoch) {
                    if (failed != null) {
                        throw failed;
                    }
                }
            };
        }

        void save(TrainingProgress progress) {
            ExperimentConfig config = prepared.config;
            Map<String, String> entries = new LinkedHashMap<>(config.asMap());
            if (reuse != null) {
                entries.putAll(reuse.checkpointEntries()); // where a continued run's strategy resumes
            }
            CheckpointStore.save(config.checkpointDir(), Checkpoint.capture(prepared.network, prepared.optimizer,
                    prepared.train.classes(), config.seed(), progress, entries));
            observer.onCheckpointSaved(progress, config.checkpointDir());
        }
    }
}

package adr.core.experiment;

import adr.core.checkpoint.Checkpoint;
import adr.core.checkpoint.CheckpointStore;
import adr.core.data.Augmentation;
import adr.core.data.Dataset;
import adr.core.data.DatasetSource;
import adr.core.data.DatasetSplits;
import adr.core.data.Normalization;
import adr.core.model.ModelCatalog;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.nn.Conv2d;
import adr.core.reuse.LayerState;
import adr.core.reuse.ReuseChange;
import adr.core.reuse.ReuseController;
import adr.core.train.EpochReport;
import adr.core.train.LearningRateSchedule;
import adr.core.train.SgdMomentum;
import adr.core.train.StopSignal;
import adr.core.train.StepReport;
import adr.core.train.Trainer;
import adr.core.train.TrainingListener;
import adr.core.train.TrainingLoop;
import adr.core.train.TrainingPlan;
import adr.core.train.TrainingProgress;
import adr.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Turns an {@link ExperimentConfig} into a finished training run. A {@link StopSignal}
 * ends the run at the next step boundary; with a checkpoint directory configured, the
 * stopped run's state is checkpointed there so that a resume continues from that step.
 */
public final class ExperimentRunner {
    private final ExperimentConfig config;
    private final RunObserver observer;
    private final Consumer<String> log;
    private final StopSignal stop;

    public ExperimentRunner(ExperimentConfig config, TrainingListener listener) {
        this(config, RunObserver.of(listener), line -> { }, new StopSignal());
    }

    /** @param log receives notes a user should see, such as every reuse change with its reason */
    public ExperimentRunner(ExperimentConfig config, TrainingListener listener, Consumer<String> log) {
        this(config, RunObserver.of(listener), log, new StopSignal());
    }

    public ExperimentRunner(ExperimentConfig config, RunObserver observer, Consumer<String> log, StopSignal stop) {
        var errors = config.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", errors));
        }
        this.config = config;
        this.observer = observer;
        this.log = log;
        this.stop = stop;
    }

    /**
     * Checks a run's plugin choices, their options and the layers they name as {@link #run}
     * does first, without reading data or training: for commands that start several runs
     * and should refuse a bad one before the first starts.
     *
     * @throws adr.core.plugins.PluginException listing every problem
     */
    public static void checkPlugins(ExperimentConfig config) {
        wiring(config);
    }

    /** Null for an exact run. */
    private static ReuseWiring wiring(ExperimentConfig config) {
        return config.reuse().exact() ? null
                : ReuseWiring.prepare(config.reuse(), augmentation(config), config.model());
    }

    /** Loads the data, builds or restores the model and trains it. */
    public ExperimentOutcome run() {
        // plugin names and values are checked before the data is read: bad input fails fast
        ReuseWiring wiring = wiring(config);
        DatasetSplits splits = DatasetSource.parse(config.dataset()).load();
        Dataset train = config.trainLimit() > 0 ? splits.train().limit(config.trainLimit()) : splits.train();
        Dataset test = config.testLimit() > 0 ? splits.test().limit(config.testLimit()) : splits.test();
        Seeds seeds = new Seeds(config.seed());
        Network network = ModelCatalog.build(config.model(), train.sampleShape(), train.classes(), seeds,
                DataType.FLOAT, config.convAlgorithm());
        SgdMomentum optimizer = new SgdMomentum(network.parameters(), config.momentum(), config.weightDecay());
        TrainingProgress start = TrainingProgress.START;
        if (config.resumeFrom() != null) {
            start = resume(network, optimizer, train.classes());
        }
        TrainingPlan plan = new TrainingPlan(config.epochs(), config.batchSize(), config.evalBatchSize(),
                LearningRateSchedule.named(config.schedule(), config.learningRate()), augmentation(config), true);
        List<TrainingListener> listeners = new ArrayList<>();
        ReuseController reuse = wiring == null ? null : wiring.controller(network, seeds, this::reuseChanged);
        if (reuse != null) {
            listeners.add(reuse);
        }
        CheckpointingListener checkpoints = config.checkpointDir() == null ? null
                : new CheckpointingListener(network, optimizer, train.classes(), start.globalStep());
        if (checkpoints != null) {
            // before the caller's listener: an epoch's checkpoint is on disk before anything else hears of it
            listeners.add(checkpoints);
        }
        listeners.add(observer);
        long totalSteps = (long) config.epochs() * ((train.size() + config.batchSize() - 1) / config.batchSize());
        observer.onRunStart(new RunStart(config, wiring == null ? List.of() : wiring.plugins(), start, totalSteps,
                train.size(), test.size(), reuse == null ? exactLayers(network) : reuse::layerStates));
        TrainingLoop loop = new TrainingLoop(new Trainer(network, optimizer), plan, seeds, Normalization.fit(train),
                new CompositeObserver(listeners.stream().map(RunObserver::of).toList()), stop);
        TrainingResult result = loop.run(train, test, start);
        if (result.stopped() && checkpoints != null) {
            checkpoints.save(result.progress());
        }
        ReuseSummary summary = reuse == null ? ReuseSummary.EXACT
                : new ReuseSummary(reuse.meanRemainingRatio(), reuse.changes());
        return new ExperimentOutcome(config, result, train.size(), test.size(), network.parameterCount(), summary);
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

    private TrainingProgress resume(Network network, SgdMomentum optimizer, int classes) {
        Checkpoint checkpoint = CheckpointStore.load(config.resumeFrom());
        if (!checkpoint.model().equals(config.model()) || checkpoint.classes() != classes) {
            throw new IllegalArgumentException(config.resumeFrom() + ": checkpoint is for model '" + checkpoint.model()
                    + "' with " + checkpoint.classes() + " classes; run with --model " + checkpoint.model());
        }
        checkpoint.restoreInto(network, optimizer);
        if (checkpoint.progress().epochsDone() >= config.epochs()) {
            throw new IllegalArgumentException(config.resumeFrom() + ": checkpoint already has "
                    + checkpoint.progress().epochsDone() + " epochs; pass --epochs larger than that to continue");
        }
        return checkpoint.progress();
    }

    private static Augmentation augmentation(ExperimentConfig config) {
        return config.cropPadding() == 0 && !config.horizontalFlip() ? Augmentation.NONE
                : new Augmentation(config.cropPadding(), config.horizontalFlip());
    }

    /** Saves a checkpoint after every epoch. */
    private final class CheckpointingListener implements TrainingListener {
        private final Network network;
        private final SgdMomentum optimizer;
        private final int classes;
        private long stepsTaken;

        CheckpointingListener(Network network, SgdMomentum optimizer, int classes, long stepsTaken) {
            this.network = network;
            this.optimizer = optimizer;
            this.classes = classes;
            this.stepsTaken = stepsTaken;
        }

        @Override
        public void onStep(StepReport step) {
            stepsTaken = step.globalStep() + 1;
        }

        @Override
        public void onEpochEnd(EpochReport epoch) {
            save(new TrainingProgress(epoch.epoch(), stepsTaken));
        }

        void save(TrainingProgress progress) {
            CheckpointStore.save(config.checkpointDir(), Checkpoint.capture(network, optimizer, classes, config.seed(),
                    progress, config.asMap()));
            observer.onCheckpointSaved(progress, config.checkpointDir());
        }
    }
}

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
import adr.core.reuse.ReuseController;
import adr.core.train.CompositeListener;
import adr.core.train.EpochReport;
import adr.core.train.LearningRateSchedule;
import adr.core.train.SgdMomentum;
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
import org.nd4j.linalg.api.buffer.DataType;

/** Turns an {@link ExperimentConfig} into a finished training run. */
public final class ExperimentRunner {
    private final ExperimentConfig config;
    private final TrainingListener listener;
    private final Consumer<String> log;

    public ExperimentRunner(ExperimentConfig config, TrainingListener listener) {
        this(config, listener, line -> { });
    }

    /** @param log receives notes a user should see, such as every reuse change with its reason */
    public ExperimentRunner(ExperimentConfig config, TrainingListener listener, Consumer<String> log) {
        var errors = config.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", errors));
        }
        this.config = config;
        this.listener = listener;
        this.log = log;
    }

    /** Loads the data, builds or restores the model and trains it. */
    public ExperimentOutcome run() {
        // plugin names and values are checked before the data is read: bad input fails fast
        ReuseWiring wiring = config.reuse().exact() ? null : ReuseWiring.prepare(config.reuse());
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
                LearningRateSchedule.named(config.schedule(), config.learningRate()), augmentation(), true);
        List<TrainingListener> listeners = new ArrayList<>();
        ReuseController reuse = wiring == null ? null : wiring.controller(network, seeds, log);
        if (reuse != null) {
            listeners.add(reuse);
        }
        if (config.checkpointDir() != null) {
            // before the caller's listener: an epoch's checkpoint is on disk before anything else hears of it
            listeners.add(new CheckpointingListener(network, optimizer, train.classes()));
        }
        listeners.add(listener);
        TrainingLoop loop = new TrainingLoop(new Trainer(network, optimizer), plan, seeds, Normalization.fit(train),
                new CompositeListener(listeners));
        TrainingResult result = loop.run(train, test, start);
        ReuseSummary summary = reuse == null ? ReuseSummary.EXACT
                : new ReuseSummary(reuse.meanRemainingRatio(), reuse.changes());
        return new ExperimentOutcome(config, result, train.size(), test.size(), network.parameterCount(), summary);
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

    private Augmentation augmentation() {
        return config.cropPadding() == 0 && !config.horizontalFlip() ? Augmentation.NONE
                : new Augmentation(config.cropPadding(), config.horizontalFlip());
    }

    /** Saves a checkpoint after every epoch. */
    private final class CheckpointingListener implements TrainingListener {
        private final Network network;
        private final SgdMomentum optimizer;
        private final int classes;
        private long stepsTaken;

        CheckpointingListener(Network network, SgdMomentum optimizer, int classes) {
            this.network = network;
            this.optimizer = optimizer;
            this.classes = classes;
        }

        @Override
        public void onStep(StepReport step) {
            stepsTaken = step.globalStep() + 1;
        }

        @Override
        public void onEpochEnd(EpochReport epoch) {
            var progress = new TrainingProgress(epoch.epoch(), stepsTaken);
            CheckpointStore.save(config.checkpointDir(), Checkpoint.capture(network, optimizer, classes, config.seed(),
                    progress, config.asMap()));
        }
    }
}

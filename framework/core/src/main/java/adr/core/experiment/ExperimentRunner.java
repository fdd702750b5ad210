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
import org.nd4j.linalg.api.buffer.DataType;

/** Turns an {@link ExperimentConfig} into a finished training run. */
public final class ExperimentRunner {
    private final ExperimentConfig config;
    private final TrainingListener listener;

    public ExperimentRunner(ExperimentConfig config, TrainingListener listener) {
        var errors = config.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", errors));
        }
        this.config = config;
        this.listener = listener;
    }

    /** Loads the data, builds or restores the model and trains it. */
    public ExperimentOutcome run() {
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
        TrainingListener listeners = config.checkpointDir() == null ? listener
                : new CheckpointingListener(listener, network, optimizer, train.classes());
        TrainingLoop loop = new TrainingLoop(new Trainer(network, optimizer), plan, seeds, Normalization.fit(train),
                listeners);
        TrainingResult result = loop.run(train, test, start);
        return new ExperimentOutcome(config, result, train.size(), test.size(), network.parameterCount());
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

    /** Saves a checkpoint after every epoch, then forwards events to the next listener. */
    private final class CheckpointingListener implements TrainingListener {
        private final TrainingListener next;
        private final Network network;
        private final SgdMomentum optimizer;
        private final int classes;
        private long stepsTaken;

        CheckpointingListener(TrainingListener next, Network network, SgdMomentum optimizer, int classes) {
            this.next = next;
            this.network = network;
            this.optimizer = optimizer;
            this.classes = classes;
        }

        @Override
        public void onEpochStart(int epoch, int steps) {
            next.onEpochStart(epoch, steps);
        }

        @Override
        public void onStep(StepReport step) {
            stepsTaken = step.globalStep() + 1;
            next.onStep(step);
        }

        @Override
        public void onEvaluationStart(int epoch) {
            next.onEvaluationStart(epoch);
        }

        @Override
        public void onEpochEnd(EpochReport epoch) {
            var progress = new TrainingProgress(epoch.epoch(), stepsTaken);
            CheckpointStore.save(config.checkpointDir(), Checkpoint.capture(network, optimizer, classes, config.seed(),
                    progress, config.asMap()));
            next.onEpochEnd(epoch);
        }
    }
}

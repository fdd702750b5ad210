package adr.bench;

import adr.core.data.Augmentation;
import adr.core.data.Batch;
import adr.core.data.Batches;
import adr.core.data.Dataset;
import adr.core.data.DatasetSource;
import adr.core.data.DatasetSplits;
import adr.core.data.Normalization;
import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentOutcome;
import adr.core.experiment.ExperimentRunner;
import adr.core.random.Seeds;
import adr.core.train.EpochReport;
import adr.core.train.LearningRateSchedule;
import adr.core.train.StepContext;
import adr.core.train.TrainingListener;
import adr.core.train.TrainingOutOfMemoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the same model on the same data, batch size, seed and epochs once per
 * strategy, then (optionally) the DL4J peer, one after another in one process,
 * evaluating the test set after every epoch.
 */
final class TrainBenchmark {
    private final ExperimentConfig base;
    private final Function<String, Map<String, String>> strategyOptions;
    private final Consumer<String> log;

    /** @param strategyOptions the options of a strategy, by its name */
    TrainBenchmark(ExperimentConfig base, Function<String, Map<String, String>> strategyOptions,
            Consumer<String> log) {
        this.base = base;
        this.strategyOptions = strategyOptions;
        this.log = log;
    }

    /**
     * Trains exactly for {@code steps} untimed steps, so that the first timed run does not
     * pay the process's warm-up alone: in one 3-epoch bench the exact run, first in the
     * process, took 110 s, while the adaptive run after it, exact from its step 20, took 75 s.
     */
    void warmUp(int steps) {
        if (steps <= 0) {
            return;
        }
        log.accept("warming up: " + steps + " exact steps, untimed...");
        ExperimentConfig exact = base.withReuse(base.reuse().withStrategy("exact"))
                .withLimits(1, steps * base.batchSize(), base.evalBatchSize());
        new ExperimentRunner(exact, TrainingListener.NONE, line -> { }).run();
    }

    RunRecord strategy(String name) {
        ExperimentConfig config = base.withReuse(base.reuse().withStrategy(name, strategyOptions.apply(name)));
        EpochClock clock = new EpochClock(name, base.epochs(), log);
        log.accept("training with strategy " + name + "...");
        ExperimentOutcome o = new ExperimentRunner(config, clock, line -> log.accept("  " + line))
                .watchingMemory(this::endOutOfMemory).run();
        var result = o.result();
        return new RunRecord(name, result.wallSeconds(), result.trainSeconds(), result.imagesPerSecond(),
                result.test().accuracy(), clock.accuracies, clock.seconds, o.reuse().overallRemainingRatio(),
                o.reuse().changes().size());
    }

    /**
     * A step passed the memory ceiling inside a native operation, where the kernel would
     * kill the process without a word next: one line and exit code 2, as when JavaCPP
     * refuses an allocation. The runs finished before it are in the JSON already.
     */
    private void endOutOfMemory(TrainingOutOfMemoryException e) {
        log.accept("adr bench: " + e.getMessage());
        Runtime.getRuntime().halt(2);
    }

    /** The DL4J peer with the same architecture, data order, batch size and base learning rate. */
    RunRecord peer() {
        log.accept("training the DL4J peer...");
        DatasetSplits splits = DatasetSource.parse(base.dataset()).load();
        Dataset train = base.trainLimit() > 0 ? splits.train().limit(base.trainLimit()) : splits.train();
        Dataset test = base.testLimit() > 0 ? splits.test().limit(base.testLimit()) : splits.test();
        Seeds seeds = new Seeds(base.seed());
        Normalization normalization = Normalization.fit(train);
        long totalSteps = (long) base.epochs() * ((train.size() + base.batchSize() - 1) / base.batchSize());
        // the same schedule as our runs (warm-up, then cosine), so the peer trains comparably
        var sgd = new Dl4jPeer.Sgd(base.learningRate(), base.momentum(), base.weightDecay(),
                LearningRateSchedule.named(base.schedule(), base.learningRate()), totalSteps);
        Dl4jPeer peer = Dl4jPeer.build(base.model(), train.sampleShape(), train.classes(), base.seed(), sgd, true);
        List<Double> accuracies = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        long start = System.nanoTime();
        double trainSeconds = 0;
        long images = 0;
        for (int epoch = 1; epoch <= base.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            for (Batch batch : new Batches(train, base.batchSize(), seeds.stream("shuffle/epoch-" + epoch),
                    Augmentation.NONE, null, normalization)) {
                peer.fit(batch.images(), Dl4jPeer.oneHot(batch.labels(), train.classes()));
                images += batch.labels().length;
            }
            trainSeconds += (System.nanoTime() - epochStart) / 1e9;
            accuracies.add(accuracy(peer, test, normalization));
            seconds.add((System.nanoTime() - start) / 1e9);
            log.accept(String.format(java.util.Locale.ROOT, "  dl4j: epoch %d/%d, test accuracy %.4f at %.0f s", epoch,
                    base.epochs(), accuracies.get(accuracies.size() - 1), seconds.get(seconds.size() - 1)));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new RunRecord("dl4j", wall, trainSeconds, images / trainSeconds, accuracies.get(accuracies.size() - 1),
                accuracies, seconds, 1.0, 0);
    }

    private double accuracy(Dl4jPeer peer, Dataset test, Normalization normalization) {
        long correct = 0;
        for (Batch batch : new Batches(test, base.evalBatchSize(), null, Augmentation.NONE, null, normalization)) {
            INDArray predicted = peer.output(batch.images()).argMax(1);
            for (int i = 0; i < batch.labels().length; i++) {
                correct += predicted.getInt(i) == batch.labels()[i] ? 1 : 0;
            }
        }
        return (double) correct / test.size();
    }

    /** Test accuracy and elapsed wall time at the end of every epoch, each reported as a progress line. */
    private static final class EpochClock implements TrainingListener {
        final List<Double> accuracies = new ArrayList<>();
        final List<Double> seconds = new ArrayList<>();
        private final String name;
        private final int epochs;
        private final Consumer<String> log;
        private long start;

        EpochClock(String name, int epochs, Consumer<String> log) {
            this.name = name;
            this.epochs = epochs;
            this.log = log;
        }

        @Override
        public void beforeStep(StepContext context) {
            if (start == 0) {
                start = System.nanoTime();
            }
        }

        @Override
        public void onEpochEnd(EpochReport epoch) {
            if (epoch.test() != null) {
                accuracies.add(epoch.test().accuracy());
                seconds.add((System.nanoTime() - start) / 1e9);
                log.accept(String.format(java.util.Locale.ROOT, "  %s: epoch %d/%d, test accuracy %.4f at %.0f s",
                        name, epoch.epoch(), epochs, epoch.test().accuracy(), seconds.get(seconds.size() - 1)));
            }
        }
    }
}

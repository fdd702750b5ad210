package adr.core.train;

import adr.core.data.Augmentation;
import adr.core.data.Batch;
import adr.core.data.Batches;
import adr.core.data.Dataset;
import adr.core.data.Normalization;
import adr.core.random.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs epochs of training with evaluation. Shuffling and augmentation draw from
 * streams named per epoch ({@code shuffle/epoch-N}), so a run resumed at an epoch
 * boundary sees exactly the batches an uninterrupted run would have. A run resumed
 * inside an epoch rebuilds that epoch's batches from the same streams and skips the
 * ones already trained on, so it continues with the batch it would have seen next.
 * A {@link StopSignal} ends the run at a step boundary without the final evaluation.
 */
public final class TrainingLoop {
    private final Trainer trainer;
    private final TrainingPlan plan;
    private final Seeds seeds;
    private final Normalization normalization;
    private final TrainingListener listener;
    private final StopSignal stop;

    public TrainingLoop(Trainer trainer, TrainingPlan plan, Seeds seeds, Normalization normalization,
            TrainingListener listener) {
        this(trainer, plan, seeds, normalization, listener, new StopSignal());
    }

    public TrainingLoop(Trainer trainer, TrainingPlan plan, Seeds seeds, Normalization normalization,
            TrainingListener listener, StopSignal stop) {
        this.trainer = trainer;
        this.plan = plan;
        this.seeds = seeds;
        this.normalization = normalization;
        this.listener = listener;
        this.stop = stop;
    }

    /** Trains from {@code start} to the plan's last epoch and evaluates on {@code test}. */
    public TrainingResult run(Dataset train, Dataset test, TrainingProgress start) {
        long begin = System.nanoTime();
        long totalSteps = (long) plan.epochs() * stepsPerEpoch(train);
        long globalStep = start.globalStep();
        long alreadyDone = globalStep - (long) start.epochsDone() * stepsPerEpoch(train);
        double trainSeconds = 0;
        long images = 0;
        Evaluation last = null;
        List<EpochReport> reports = new ArrayList<>();
        for (int epoch = start.epochsDone() + 1; epoch <= plan.epochs(); epoch++) {
            Batches batches = new Batches(train, plan.batchSize(), seeds.stream("shuffle/epoch-" + epoch),
                    plan.augmentation(), seeds.stream("augment/epoch-" + epoch), normalization);
            listener.onEpochStart(epoch, batches.count());
            EpochTally tally = new EpochTally();
            int step = 0;
            for (Batch batch : batches) {
                if (alreadyDone > 0) {
                    alreadyDone--; // trained on before this run was interrupted
                    step++;
                    continue;
                }
                if (stop.requested()) {
                    return stopped(begin, trainSeconds + tally.seconds, images + tally.images, epoch - 1, globalStep,
                            reports);
                }
                // the step's time includes what listeners do before it: a strategy's decisions and
                // probes there are a cost of training with it, and time saved must pay for them
                long t0 = System.nanoTime();
                listener.beforeStep(new StepContext(epoch, globalStep, batches.count(), totalSteps, batch.samples()));
                double lr = plan.schedule().rate(globalStep, totalSteps);
                var result = trainer.step(batch, lr);
                if (!Double.isFinite(result.loss())) {
                    throw new TrainingDivergedException(result.loss(), epoch, step + 1, lr);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                int n = batch.labels().length;
                tally.add(result.loss(), result.correct(), n, seconds);
                listener.onStep(new StepReport(epoch, ++step, batches.count(), globalStep++, result.loss(), lr, n,
                        seconds));
            }
            trainSeconds += tally.seconds;
            images += tally.images;
            last = null;
            if (plan.evaluateEachEpoch() || epoch == plan.epochs()) {
                listener.onEvaluationStart(epoch);
                last = evaluate(test);
            }
            EpochReport report = new EpochReport(epoch, tally.meanLoss(), tally.accuracy(), tally.images,
                    tally.seconds, last);
            reports.add(report);
            listener.onEpochEnd(report);
        }
        if (last == null) {
            last = evaluate(test);
        }
        return new TrainingResult(last, (System.nanoTime() - begin) / 1e9, trainSeconds, images,
                new TrainingProgress(plan.epochs(), globalStep), List.copyOf(reports), false);
    }

    private static TrainingResult stopped(long begin, double trainSeconds, long images, int epochsDone,
            long globalStep, List<EpochReport> reports) {
        return new TrainingResult(null, (System.nanoTime() - begin) / 1e9, trainSeconds, images,
                new TrainingProgress(epochsDone, globalStep), List.copyOf(reports), true);
    }

    public Evaluation evaluate(Dataset data) {
        return trainer.evaluate(new Batches(data, plan.evalBatchSize(), null, Augmentation.NONE, null, normalization));
    }

    private int stepsPerEpoch(Dataset train) {
        return (train.size() + plan.batchSize() - 1) / plan.batchSize();
    }

    /** Running sums over one epoch's steps. */
    private static final class EpochTally {
        double lossSum;
        long correct;
        int images;
        double seconds;

        void add(double loss, int right, int n, double stepSeconds) {
            lossSum += loss * n;
            correct += right;
            images += n;
            seconds += stepSeconds;
        }

        double meanLoss() {
            return images == 0 ? Double.NaN : lossSum / images;
        }

        double accuracy() {
            return images == 0 ? 0 : (double) correct / images;
        }
    }
}

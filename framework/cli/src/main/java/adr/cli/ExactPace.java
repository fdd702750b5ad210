package adr.cli;

import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentRunner;
import adr.core.train.StepReport;
import adr.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The speed of exact training, measured on a short run of the same model, data, batch
 * size and seed, so that a reuse run can say how much time it saved. Measured in a fresh
 * process before the reuse run, its first steps pay the same start-up (native
 * primitives, allocation, JIT) as a full exact run's and are counted as they are; the
 * rest is extrapolated with the mean step, which, unlike the median, keeps the occasional
 * slow step of a shared machine in the total (the median of warm steps put 313 exact
 * CifarNet steps at 13.6 s where a full exact run trained for 20 s).
 *
 * @param warmupSteps the first steps, counted as measured
 * @param warmupSeconds their total wall time
 * @param measuredSteps how many steps after them the mean is taken over
 * @param secondsPerStep the mean wall time of one exact training step after the warm-up
 */
record ExactPace(int warmupSteps, double warmupSeconds, int measuredSteps, double secondsPerStep) {
    static final int WARMUP_STEPS = 10;
    static final int MEASURED_STEPS = 50;

    /** Trains {@code run}'s model exactly for a few steps (no checkpoints, a one-batch evaluation) and times them. */
    static ExactPace measure(ExperimentConfig run) {
        int steps = WARMUP_STEPS + MEASURED_STEPS;
        ExperimentConfig exact = run.withReuse(run.reuse().withStrategy("exact")).withCheckpoints(null, null)
                .withLimits(1, steps * run.batchSize(), run.evalBatchSize());
        List<Double> seconds = new ArrayList<>();
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onStep(StepReport step) {
                seconds.add(step.seconds());
            }
        };
        new ExperimentRunner(exact, timer, message -> { }).run();
        if (seconds.size() <= WARMUP_STEPS) {
            throw new IllegalStateException("the exact reference run took no steps past its warm-up");
        }
        List<Double> warm = seconds.subList(WARMUP_STEPS, seconds.size());
        return new ExactPace(WARMUP_STEPS, sum(seconds.subList(0, WARMUP_STEPS)), warm.size(),
                sum(warm) / warm.size());
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}

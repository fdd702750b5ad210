package adr.cli;

import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentRunner;
import adr.core.train.StepReport;
import adr.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The speed of exact training, measured on a short run of the same model, data, batch
 * size and seed, so that a reuse run can say how much time it saved. The first steps
 * (allocation, JIT) are left out, and the median step is robust to the scheduling noise of
 * a shared machine.
 *
 * @param measuredSteps how many steps the median is taken over
 * @param secondsPerStep the median wall time of one exact training step
 */
record ExactPace(int measuredSteps, double secondsPerStep) {
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
                if (step.globalStep() >= WARMUP_STEPS) {
                    seconds.add(step.seconds());
                }
            }
        };
        new ExperimentRunner(exact, timer, message -> { }).run();
        if (seconds.isEmpty()) {
            throw new IllegalStateException("the exact reference run took no steps past its warm-up");
        }
        return new ExactPace(seconds.size(), median(seconds));
    }

    /** The time {@code steps} exact steps would take at this pace. */
    double secondsFor(long steps) {
        return steps * secondsPerStep;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

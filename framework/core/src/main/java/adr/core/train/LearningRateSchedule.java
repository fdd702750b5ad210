package adr.core.train;

/** The learning rate as a function of training progress. */
public sealed interface LearningRateSchedule {

    /** The rate for a step, given the step index and the total number of steps of the run. */
    double rate(long step, long totalSteps);

    /** A constant rate. */
    record Constant(double base) implements LearningRateSchedule {
        @Override
        public double rate(long step, long totalSteps) {
            return base;
        }
    }

    /** Multiplies the rate by {@code gamma} after every {@code every} fraction of the run. */
    record Step(double base, double gamma, double every) implements LearningRateSchedule {
        @Override
        public double rate(long step, long totalSteps) {
            long drops = (long) Math.floor((double) step / Math.max(1, totalSteps) / every);
            return base * Math.pow(gamma, drops);
        }
    }

    /**
     * Linear warm-up over the first {@code warmup} fraction of steps, then a cosine
     * decay to {@code base * floor}. Warm-up keeps the first momentum steps from
     * overshooting with fresh He-initialised weights.
     */
    record Cosine(double base, double warmup, double floor) implements LearningRateSchedule {
        @Override
        public double rate(long step, long totalSteps) {
            double t = (double) step / Math.max(1, totalSteps);
            if (t < warmup) {
                return base * (step + 1) / Math.max(1.0, warmup * totalSteps);
            }
            double progress = (t - warmup) / Math.max(1e-12, 1 - warmup);
            double cosine = 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
            return base * (floor + (1 - floor) * cosine);
        }
    }

    /** Parses {@code constant}, {@code step} or {@code cosine} with the given base rate. */
    static LearningRateSchedule named(String name, double base) {
        return switch (name) {
            case "constant" -> new Constant(base);
            case "step" -> new Step(base, 0.1, 0.5);
            case "cosine" -> new Cosine(base, 0.05, 0.01);
            default -> throw new IllegalArgumentException(
                    "unknown learning-rate schedule '" + name + "'; known: constant, step, cosine");
        };
    }
}

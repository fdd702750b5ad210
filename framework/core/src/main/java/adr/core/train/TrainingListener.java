package adr.core.train;

/** Observes a training run: progress bars, logs, event sinks, checkpoints. */
public interface TrainingListener {

    default void onEpochStart(int epoch, int steps) {
    }

    /** Before a step's forward pass: the place to change how layers compute. */
    default void beforeStep(StepContext context) {
    }

    default void onStep(StepReport step) {
    }

    default void onEvaluationStart(int epoch) {
    }

    default void onEpochEnd(EpochReport epoch) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}

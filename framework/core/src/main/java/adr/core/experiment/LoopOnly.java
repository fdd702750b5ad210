package adr.core.experiment;

import adr.core.train.EpochReport;
import adr.core.train.StepContext;
import adr.core.train.StepReport;
import adr.core.train.TrainingListener;

/** A {@link RunObserver} that passes on the training loop's callbacks and ignores the rest. */
record LoopOnly(TrainingListener listener) implements RunObserver {

    @Override
    public void onEpochStart(int epoch, int steps) {
        listener.onEpochStart(epoch, steps);
    }

    @Override
    public void beforeStep(StepContext context) {
        listener.beforeStep(context);
    }

    @Override
    public void onStep(StepReport step) {
        listener.onStep(step);
    }

    @Override
    public void onEvaluationStart(int epoch) {
        listener.onEvaluationStart(epoch);
    }

    @Override
    public void onEpochEnd(EpochReport epoch) {
        listener.onEpochEnd(epoch);
    }
}

package adr.core.experiment;

import adr.core.reuse.ReuseChange;
import adr.core.train.EpochReport;
import adr.core.train.StepContext;
import adr.core.train.StepReport;
import adr.core.train.TrainingProgress;
import java.nio.file.Path;
import java.util.List;

/** Passes every callback to several observers, in order (the training loop's listeners too). */
public final class CompositeObserver implements RunObserver {
    private final List<RunObserver> observers;

    public CompositeObserver(List<RunObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    @Override
    public void onRunStart(RunStart start) {
        observers.forEach(o -> o.onRunStart(start));
    }

    @Override
    public void onReuseChange(ReuseChange change) {
        observers.forEach(o -> o.onReuseChange(change));
    }

    @Override
    public void onCheckpointSaved(TrainingProgress progress, Path dir) {
        observers.forEach(o -> o.onCheckpointSaved(progress, dir));
    }

    @Override
    public void onEpochStart(int epoch, int steps) {
        observers.forEach(o -> o.onEpochStart(epoch, steps));
    }

    @Override
    public void beforeStep(StepContext context) {
        observers.forEach(o -> o.beforeStep(context));
    }

    @Override
    public void onStep(StepReport step) {
        observers.forEach(o -> o.onStep(step));
    }

    @Override
    public void onEvaluationStart(int epoch) {
        observers.forEach(o -> o.onEvaluationStart(epoch));
    }

    @Override
    public void onEpochEnd(EpochReport epoch) {
        observers.forEach(o -> o.onEpochEnd(epoch));
    }
}

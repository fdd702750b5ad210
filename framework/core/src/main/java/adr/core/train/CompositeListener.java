package adr.core.train;

import java.util.List;

/** Forwards every callback to each listener in order. */
public final class CompositeListener implements TrainingListener {
    private final List<TrainingListener> listeners;

    public CompositeListener(List<TrainingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onEpochStart(int epoch, int steps) {
        listeners.forEach(l -> l.onEpochStart(epoch, steps));
    }

    @Override
    public void beforeStep(StepContext context) {
        listeners.forEach(l -> l.beforeStep(context));
    }

    @Override
    public void onStep(StepReport step) {
        listeners.forEach(l -> l.onStep(step));
    }

    @Override
    public void onEvaluationStart(int epoch) {
        listeners.forEach(l -> l.onEvaluationStart(epoch));
    }

    @Override
    public void onEpochEnd(EpochReport epoch) {
        listeners.forEach(l -> l.onEpochEnd(epoch));
    }
}

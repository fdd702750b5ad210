package adr.core.train;

import java.util.ArrayList;
import java.util.List;

/** Keeps every step's loss, for tests that compare loss sequences. */
final class RecordingListener implements TrainingListener {
    final List<Double> losses = new ArrayList<>();

    @Override
    public void onStep(StepReport step) {
        losses.add(step.loss());
    }
}

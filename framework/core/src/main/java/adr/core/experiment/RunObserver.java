package adr.core.experiment;

import adr.core.reuse.ReuseChange;
import adr.core.train.TrainingListener;
import adr.core.train.TrainingProgress;
import java.nio.file.Path;

/**
 * Observes a whole experiment: the training loop's callbacks plus what only the runner
 * knows (the resolved plugins, reuse changes, checkpoints). Event recording implements it.
 */
public interface RunObserver extends TrainingListener {

    /** The data is loaded and the model built; the first step comes next. */
    default void onRunStart(RunStart start) {
    }

    default void onReuseChange(ReuseChange change) {
    }

    /** A checkpoint a resume can start from is complete in {@code dir}. */
    default void onCheckpointSaved(TrainingProgress progress, Path dir) {
    }

    /** Observes only the training loop's callbacks. */
    static RunObserver of(TrainingListener listener) {
        return listener instanceof RunObserver observer ? observer : new LoopOnly(listener);
    }
}

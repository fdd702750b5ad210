package adr.core.train;

import adr.core.data.Augmentation;

/**
 * How to train: epochs, batch sizes, learning-rate schedule, augmentation.
 *
 * @param evaluateEachEpoch evaluate the test set after every epoch (always after the last)
 */
public record TrainingPlan(int epochs, int batchSize, int evalBatchSize, LearningRateSchedule schedule,
        Augmentation augmentation, boolean evaluateEachEpoch) {

    public TrainingPlan {
        if (epochs < 1 || batchSize < 1 || evalBatchSize < 1) {
            throw new IllegalArgumentException("epochs and batch sizes must be positive");
        }
    }
}

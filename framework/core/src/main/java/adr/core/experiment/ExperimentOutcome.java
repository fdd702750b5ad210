package adr.core.experiment;

import adr.core.train.TrainingResult;

/** A finished run: what was asked, what happened, and the data sizes it ran on. */
public record ExperimentOutcome(ExperimentConfig config, TrainingResult result, int trainImages, int testImages,
        long parameterCount, ReuseSummary reuse) {
}

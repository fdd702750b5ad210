package adr.tracking.run;

import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentOutcome;
import adr.core.experiment.ExperimentRunner;
import adr.core.experiment.ReuseConfig;
import adr.core.nn.ConvAlgorithm;
import adr.core.train.StopSignal;
import adr.spi.events.EventSink;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Runs a short real training run (320 Fashion-MNIST images) with its events recorded, for tests. */
public final class TrainingRunEvents {
    private TrainingRunEvents() {
    }

    public static ExperimentConfig config(String strategy, Path checkpoints) {
        return new ExperimentConfig("cifarnet", "fashion-mnist", 1, 64, 250, 0.02, "cosine", 0.9, 5e-4, 3, 320, 500,
                0, false, ConvAlgorithm.AUTO, checkpoints, null, ReuseConfig.defaults().withStrategy(strategy));
    }

    /** Trains {@code config} as run {@code runId} under {@code home}, its events also going to {@code sinks}. */
    public static ExperimentOutcome train(Path home, String runId, ExperimentConfig config, List<EventSink> sinks) {
        RecorderSettings settings = new RecorderSettings(2, 1, "test-host", ProcessHandle.current().pid());
        try (TrackedRun run = TrackedRun.start(home, runId, sinks, settings, Clock.systemUTC(), w -> { })) {
            ExperimentOutcome outcome = new ExperimentRunner(config, run.recorder(), line -> { }, new StopSignal())
                    .run();
            run.recorder().completed(outcome);
            return outcome;
        }
    }
}

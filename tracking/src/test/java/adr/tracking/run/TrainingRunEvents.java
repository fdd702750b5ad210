package adr.tracking.run;

import adr.core.experiment.CompositeObserver;
import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentOutcome;
import adr.core.experiment.ExperimentRunner;
import adr.core.experiment.ReuseConfig;
import adr.core.experiment.RunObserver;
import adr.core.nn.ConvAlgorithm;
import adr.core.train.StopSignal;
import adr.core.train.TrainingListener;
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
        return train(home, runId, config, sinks, TrainingListener.NONE);
    }

    /** As above, with {@code during} observing the training steps too (after the recorder). */
    public static ExperimentOutcome train(Path home, String runId, ExperimentConfig config, List<EventSink> sinks,
            TrainingListener during) {
        RecorderSettings settings = new RecorderSettings(2, 1, "test-host", ProcessHandle.current().pid(),
                List.of());
        try (TrackedRun run = TrackedRun.start(home, runId, sinks, settings, Clock.systemUTC(), w -> { })) {
            RunObserver observer = new CompositeObserver(List.of(run.recorder(), RunObserver.of(during)));
            ExperimentOutcome outcome = new ExperimentRunner(config, observer, line -> { }, new StopSignal()).run();
            run.recorder().completed(outcome);
            return outcome;
        }
    }
}

package adr.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.core.experiment.ExperimentConfig;
import adr.tracking.run.ResumePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedConfigTest {
    private static final ResumePoint RUN = new ResumePoint("run-1",
            Map.of("dataset", "fashion-mnist", "batch-size", "64", "train-limit", "6400", "seed", "1", "epochs", "2"),
            Path.of("/ck/new"), Path.of("/ck/last"));

    @Test
    void aResumedRunKeepsItsDataAndBatchSize(@TempDir Path dir) throws Exception {
        ExperimentConfig fewerImages = ExperimentConfig.defaults().withLimits(4, 640, 0);
        Path last = Files.createDirectories(dir.resolve("last"));
        Files.writeString(last.resolve("manifest.json"), "{}"); // all CheckpointStore.exists looks for
        ResumePoint saved = new ResumePoint("run-1", RUN.config(), Path.of("/ck/new"), last);

        assertThatThrownBy(() -> RecordedConfig.requireSameBatches(fewerImages, saved))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run run-1 is resumed with --train-limit 640 (it trained with 6400); a resumed run"
                        + " keeps its data, batch size and seed: drop those flags, or start a new run from its"
                        + " checkpoint with --resume-from " + last);
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointOffersANewRunWithoutOne() {
        ExperimentConfig fewerImages = ExperimentConfig.defaults().withLimits(4, 640, 0);

        assertThatThrownBy(() -> RecordedConfig.requireSameBatches(fewerImages, RUN))
                .hasMessageEndingWith("drop those flags, or start a new run with them (it saved no checkpoint to"
                        + " start from)");
    }

    @Test
    void moreEpochsAreFine() {
        assertThatCode(() -> RecordedConfig.requireSameBatches(ExperimentConfig.defaults().withLimits(4, 6400, 0),
                RUN)).doesNotThrowAnyException();
    }
}

package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.core.experiment.ExperimentConfig;
import adr.tracking.run.ResumePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run checkpoints and what it starts from, for new and resumed runs. */
class RunCheckpointsTest {
    @TempDir
    Path home;

    @Test
    void aNewRunCheckpointsUnderItsOwnDirectoryAndStartsFresh() {
        ExperimentConfig config = TrainingSession.withRunCheckpoints(ExperimentConfig.defaults(), home, "run-1", null);

        assertThat(config.checkpointDir()).isEqualTo(home.resolve("run-1").resolve("checkpoint"));
        assertThat(config.resumeFrom()).isNull();
    }

    @Test
    void aResumeStartsFromTheRunsLastCheckpointEvenWhenTheCheckpointDirectoryMoves() throws Exception {
        Path saved = Files.createDirectories(home.resolve("run-1").resolve("checkpoint"));
        Files.writeString(saved.resolve("manifest.json"), "{}");
        Path moved = home.resolve("elsewhere");
        ResumePoint resume = new ResumePoint("run-1", Map.of(), saved, saved);

        ExperimentConfig config = TrainingSession.withRunCheckpoints(
                ExperimentConfig.defaults().withCheckpoints(moved, null), home, "run-1", resume);

        assertThat(config.checkpointDir()).isEqualTo(moved);
        assertThat(config.resumeFrom()).as("not the empty new directory: that restarted the run from step 0")
                .isEqualTo(saved);
    }

    @Test
    void aResumeAfterAProcessThatMovedTheDirectoryButSavedNothingStartsFromTheCheckpointBefore() throws Exception {
        Path saved = Files.createDirectories(home.resolve("run-1").resolve("checkpoint"));
        Files.writeString(saved.resolve("manifest.json"), "{}");
        Path moved = home.resolve("elsewhere"); // the last process's directory, which it never saved into
        ResumePoint resume = new ResumePoint("run-1", Map.of(), moved, saved);

        ExperimentConfig config = TrainingSession.withRunCheckpoints(
                ExperimentConfig.defaults().withCheckpoints(moved, null), home, "run-1", resume);

        assertThat(config.resumeFrom()).isEqualTo(saved);
        assertThat(config.checkpointDir()).isEqualTo(moved);
    }

    @Test
    void aResumeWhoseSavedCheckpointIsGoneIsRefusedRatherThanStartedAgain() {
        Path gone = home.resolve("run-1").resolve("checkpoint");
        ResumePoint resume = new ResumePoint("run-1", Map.of(), gone, gone);

        assertThatThrownBy(() -> TrainingSession.withRunCheckpoints(ExperimentConfig.defaults(), home, "run-1",
                resume)).isInstanceOf(IllegalArgumentException.class).hasMessage("run run-1 saved its last checkpoint"
                        + " in " + gone + ", which holds none now; put it back, or start a new run");
    }

    @Test
    void aResumeOfARunStoppedBeforeItsFirstCheckpointStartsFresh() {
        ResumePoint resume = new ResumePoint("run-1", Map.of(), home.resolve("run-1").resolve("checkpoint"), null);

        ExperimentConfig config = TrainingSession.withRunCheckpoints(ExperimentConfig.defaults(), home, "run-1",
                resume);

        assertThat(config.resumeFrom()).isNull();
    }
}

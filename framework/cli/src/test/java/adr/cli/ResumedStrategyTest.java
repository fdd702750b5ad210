package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run continued from a checkpoint continues the strategy's adaptation instead of starting it again. */
class ResumedStrategyTest {
    private final ObjectMapper json = new ObjectMapper();

    private static int train(Path home, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        System.arraycopy(new String[] {"--home", home.toString(), "--metrics-port", "0"}, 0, all, args.length, 4);
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(all);
    }

    @Test
    void adaptiveContinuesFromTheLevelsItsCheckpointSaved(@TempDir Path home, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        assertThat(train(home, "train", "--strategy", "adaptive", "--train-limit", "256", "--test-limit", "200",
                "--json", first.toString())).isZero();
        JsonNode firstRun = json.readTree(first.toFile());
        Path checkpoint = home.resolve(firstRun.get("run_id").asText()).resolve("checkpoint");
        JsonNode saved = json.readTree(checkpoint.resolve("manifest.json").toFile()).get("config");
        assertThat(train(home, "train", "--strategy", "adaptive", "--train-limit", "256", "--test-limit", "200",
                "--epochs", "2", "--resume-from", checkpoint.toString(), "--json", second.toString())).isZero();

        // CifarNet's layers fail adaptive's error check at step 2, so the checkpoint after epoch 1 has them exact
        assertThat(firstRun.get("reuse_changes").toString()).contains("conv1: {L=25, H=4} -> exact (too coarse");
        assertThat(saved.get("reuse-setting.conv1").asText()).isEqualTo("exact");
        assertThat(saved.get("reuse-setting.conv2").asText()).isEqualTo("exact");
        assertThat(json.readTree(second.toFile()).get("reuse_changes"))
                .as("no return to the coarsest level: the layers stay exact").isEmpty();
    }
}

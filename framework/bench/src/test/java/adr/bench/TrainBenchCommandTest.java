package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code adr bench train} reduced to a few steps: one entry per run with the comparison fields, and the plot. */
class TrainBenchCommandTest {

    @Test
    void writesEveryRunComparedWithTheExactOneAndThePlot(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        Path json = dir.resolve("train.json");
        CommandLine cli = BenchMain.commandLine();
        cli.setErr(new PrintWriter(new StringWriter(), true));

        int code = cli.execute("train", "--epochs", "1", "--train-limit", "128", "--test-limit", "200",
                "--strategies", "exact,fixed", "--H", "4", "--eval-batch-size", "100", "--warmup-steps", "2",
                "--rounds", "2", "--json", json.toString());

        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("warmup_steps").asInt()).isEqualTo(2);
        assertThat(report.get("rounds").asInt()).isEqualTo(2);
        assertThat(report.get("H").asInt()).as("what was trained is recorded").isEqualTo(4);
        assertThat(report.get("eval_batch_size").asInt()).isEqualTo(100);
        assertThat(report.get("clustering").asText()).isEqualTo("lsh");
        assertThat(report.get("strategy_options").isEmpty()).isTrue();
        assertThat(report.get("complete").asBoolean()).isTrue();
        JsonNode runs = report.get("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("name").asText()).isEqualTo("exact");
        assertThat(runs.get(0).get("time_saved_vs_exact").asDouble()).isZero();
        JsonNode fixed = runs.get(1);
        for (String field : new String[] {"wall_seconds", "images_per_second", "test_accuracy", "accuracy_by_epoch",
            "mean_remaining_ratio", "time_saved_vs_exact", "accuracy_delta_vs_exact"}) {
            assertThat(fixed.has(field)).as(field).isTrue();
        }
        assertThat(fixed.get("mean_remaining_ratio").asDouble()).isLessThan(1.0);
        assertThat(fixed.get("accuracy_by_epoch")).hasSize(1);
        assertThat(fixed.get("wall_seconds_by_round")).hasSize(2);
        assertThat(fixed.get("time_saved_vs_exact_by_round")).hasSize(2);
        assertThat(ImageIO.read(dir.resolve("train.png").toFile()).getWidth()).isPositive();
    }

    @Test
    void refusesFewerThanOneRound() {
        CommandLine cli = BenchMain.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("train", "--rounds", "0");

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--rounds must be at least 1, got 0");
    }

    @Test
    void namesTheFlagOfAnInvalidTrainingSetting() {
        CommandLine cli = BenchMain.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("train", "--epochs", "0", "--eval-batch-size", "0", "--H", "31");

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--epochs: must be at least 1, got 0; --eval-batch-size: must be at least"
                + " 1, got 0; --H: hash bits must be in 1..30, got 31");
    }

    @Test
    void refusesAStrategyNamedTwiceANegativeWarmUpAndAPlotThatIsNotPng() {
        CommandLine cli = BenchMain.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("train", "--strategies", "exact,fixed,exact")).isEqualTo(BenchMain.USAGE_ERROR);
        assertThat(cli.execute("train", "--warmup-steps", "-1")).isEqualTo(BenchMain.USAGE_ERROR);
        assertThat(cli.execute("train", "--plot", "accuracy.jpg")).isEqualTo(BenchMain.USAGE_ERROR);

        assertThat(err.toString()).contains("--strategies names exact more than once; list each strategy once, and"
                + " use --rounds N to repeat runs").contains("--warmup-steps must be at least 0, got -1")
                .contains("--plot accuracy.jpg: the plot is a PNG image; give a file name ending in .png");
    }

    @Test
    void everyUnknownStrategyIsRefusedBeforeTheFirstRunTrains(@TempDir Path dir) {
        CommandLine cli = BenchMain.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        // a missing dataset: any training would fail on it, so the plugin problems show that none started
        int code = cli.execute("train", "--strategies", "exact,nope,fixed,nada", "--dataset",
                "idx:" + dir.resolve("nowhere"));

        assertThat(code).isEqualTo(BenchMain.USAGE_ERROR);
        assertThat(err.toString().strip().split("\n")).containsExactly("adr bench: 2 plugin problems:",
                "  unknown strategy 'nope'; known: adaptive, budget, exact, fixed, staged",
                "  unknown strategy 'nada'; known: adaptive, budget, exact, fixed, staged");
    }

    @Test
    void eachStrategysOptionsReachItAndAreCheckedWithThePolicysAndClusteringsBeforeTheFirstRun(@TempDir Path dir) {
        CommandLine cli = BenchMain.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        // a missing dataset: any training would fail on it, so the problems show that none started
        int code = cli.execute("train", "--strategies", "exact,adaptive,budget", "--strategy-options",
                "adaptive.cooldown=-3,budget.target-error=0", "--policy-options", "max-fraction=0",
                "--clustering-options", "variant=cosine", "--plugins-dir", dir.toString(), "--dataset",
                "idx:" + dir.resolve("nowhere"));

        assertThat(code).isEqualTo(BenchMain.USAGE_ERROR);
        assertThat(err.toString().strip().split("\n")).containsExactly("adr bench: 4 plugin problems:",
                "  strategy adaptive: cooldown must be >= 0, got -3",
                "  policy auto: max-fraction must be > 0, got 0.0",
                "  clustering lsh: variant must be sign or quantized, got 'cosine'",
                "  strategy budget: target-error must be a number above 0, got 0.0");
    }

    @Test
    void strategyOptionsMustNameAListedStrategyOtherThanExact() {
        CommandLine cli = BenchMain.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("train", "--strategies", "exact,fixed", "--strategy-options",
                "max-error=0.4,adaptive.max-error=0.4,exact.x=1");

        assertThat(code).isEqualTo(BenchMain.USAGE_ERROR);
        assertThat(err.toString().strip()).isEqualTo("adr bench: --strategy-options max-error: expected "
                + "STRATEGY.KEY=VALUE, for example adaptive.max-error=0.4; --strategy-options adaptive.max-error is "
                + "for strategy 'adaptive', which --strategies does not list; add it or drop the option; "
                + "--strategy-options exact.x: the exact strategy takes no options");
    }

    @Test
    void aJsonFileInAMissingDirectoryIsRefusedBeforeAnyTraining(@TempDir Path dir) {
        CommandLine cli = BenchMain.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        Path json = dir.resolve("missing").resolve("out.json");

        int code = cli.execute("train", "--json", json.toString());

        assertThat(code).isEqualTo(BenchMain.USAGE_ERROR);
        assertThat(err.toString().strip()).isEqualTo("adr bench: --json " + json + ": directory " + json.getParent()
                + " does not exist; create it or pick another file");
    }
}

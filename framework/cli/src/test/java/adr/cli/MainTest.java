package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.tracking.events.EventJson;
import adr.tracking.events.RunStarted;
import adr.tracking.journal.Journal;
import adr.tracking.run.EventLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end: exit codes, one-line errors, the JSON summary of a real run. */
class MainTest {
    private final StringWriter err = new StringWriter();
    @TempDir
    Path home;

    /** Runs the command line with its run journals in a temporary ADR home and no metrics endpoint. */
    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String[] withHome = java.util.Arrays.copyOf(args, args.length + 4);
        withHome[args.length] = "--home";
        withHome[args.length + 1] = home.toString();
        withHome[args.length + 2] = "--metrics-port";
        withHome[args.length + 3] = "0";
        return cli.execute(withHome);
    }

    @Test
    void aMissingDatasetDirectoryIsOneLineWithExitCodeTwo(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");

        int code = run("train", "--dataset", "idx:" + missing);

        assertRefusedInOneLineWithoutARun(code, missing.toString());
        assertThat(err.toString()).doesNotContain("Exception");
    }

    /** Exit code 2, one line naming {@code names}, and nothing in the run history. */
    private void assertRefusedInOneLineWithoutARun(int code, String names) {
        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip()).startsWith("adr: ").contains(names).doesNotContain("\n");
        assertThat(home).as("no run opened: the data is read before the journal").isEmptyDirectory();
    }

    @Test
    void aDatasetDirectoryWithoutItsFilesOpensNoRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("train-images-idx3-ubyte"), "not read");

        int code = run("train", "--dataset", "idx:" + dir);

        assertRefusedInOneLineWithoutARun(code, "missing train-labels-idx1-ubyte[.gz]");
    }

    @Test
    void aCorruptDataFileOpensNoRun(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.writeString(dir.resolve(name), "not an IDX file");
        }

        int code = run("train", "--dataset", "idx:" + dir);

        assertRefusedInOneLineWithoutARun(code, "train-images-idx3-ubyte");
    }

    @Test
    void aCheckpointDirectoryThatIsAFileOpensNoRun(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");

        int code = run("train", "--checkpoint-dir", file.toString(), "--train-limit", "64", "--test-limit", "64");

        assertRefusedInOneLineWithoutARun(code, file + ": exists and is not a directory");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void resumingARunAnotherProcessIsWritingIsOneLine() throws Exception {
        try (Journal journal = Journal.create(home, "live-1", new EventJson(), Clock.systemUTC())) {
            int code = run("train", "--resume", "live-1");

            assertThat(code).isEqualTo(Main.USAGE_ERROR);
            assertThat(err.toString().strip()).doesNotContain("\n").startsWith("adr: run live-1 is being written by"
                    + " another process (pid " + ProcessHandle.current().pid() + "); wait for it to finish, or"
                    + " stop it");
        }
    }

    @Test
    void resumeTakesARunIdPrefixOnlyOneRunHasAndNotTogetherWithResumeFrom() throws Exception {
        Journal.create(home, "20260101-090000-aaaa", new EventJson(), Clock.systemUTC()).close();
        Journal.create(home, "20260101-100000-bbbb", new EventJson(), Clock.systemUTC()).close();

        assertThat(run("train", "--resume", "20260101-09")).isEqualTo(Main.USAGE_ERROR);
        assertThat(run("train", "--resume", "20260101")).isEqualTo(Main.USAGE_ERROR);
        assertThat(run("train", "--resume", "20260101-09", "--resume-from", home.toString()))
                .isEqualTo(Main.USAGE_ERROR);

        assertThat(err.toString().lines().toList()).containsExactly(
                "adr: run 20260101-090000-aaaa never started training (no RunStarted in "
                        + home.resolve("20260101-090000-aaaa").resolve("events.jsonl") + "); start a new run instead",
                "adr: '20260101' is the start of 2 runs (20260101-090000-aaaa, 20260101-100000-bbbb); give more of"
                        + " the id; see the runs with ./adr runs list --home " + home,
                "adr: --resume RUN continues a run from its own checkpoint, --resume-from DIR starts a new run from"
                        + " a checkpoint directory; give one of them");
    }

    @Test
    void aHomeThatIsAFileOrOneRunsDirectoryIsRefusedBeforeTheRunOpens() throws Exception {
        Journal.create(home, "20260101-090000-aaaa", new EventJson(), Clock.systemUTC()).close();
        Path runDirectory = home.resolve("20260101-090000-aaaa");
        Path file = Files.writeString(home.resolve("notes.txt"), "x");
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("train", "--home", runDirectory.toString(), "--metrics-port", "0"))
                .isEqualTo(Main.USAGE_ERROR);
        assertThat(cli.execute("train", "--home", file.toString(), "--metrics-port", "0"))
                .isEqualTo(Main.USAGE_ERROR);
        assertThat(cli.execute("train", "--home", "/dev/null", "--metrics-port", "0"))
                .isEqualTo(Main.USAGE_ERROR);
        // not even root can create files in /proc
        assertThat(cli.execute("train", "--home", "/proc/adr-runs", "--metrics-port", "0"))
                .isEqualTo(Main.USAGE_ERROR);

        assertThat(err.toString().lines().toList()).containsExactly(
                "adr: --home " + runDirectory + " is one run's directory; pass the directory holding the runs:"
                        + " --home " + home,
                "adr: --home " + file + " is a file; pass the directory of the run journals (default ./runs)",
                "adr: --home /dev/null is a file; pass the directory of the run journals (default ./runs)",
                "adr: --home /proc/adr-runs: no file can be created in /proc (no such file or directory); pass a"
                        + " writable directory for the run journals (default ./runs)");
        assertThat(runDirectory).isDirectoryNotContaining(p -> Files.isDirectory(p));
    }

    @Test
    void resumeFromInTheExperimentFileIsRefusedWithResumeToo() throws Exception {
        String runId = "20260102-090000-cccc";
        EventJson json = new EventJson();
        try (EventLog log = new EventLog(runId, 0, Journal.create(home, runId, json, Clock.systemUTC()),
                java.util.List.of(), json, Clock.systemUTC(), w -> { })) {
            log.append(new RunStarted("cifarnet", "fashion-mnist", "exact", "none", java.util.Map.of("epochs", "2"),
                    java.util.List.of(), 2, 20, 640, 64, "host", 1, 10, false, 0, 0));
        }
        Path file = Files.writeString(home.resolve("exp.yaml"), "resume-from: " + home.resolve("elsewhere") + "\n");

        assertThat(run("train", "--resume", runId, "--config", file.toString())).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip()).isEqualTo("adr: --resume RUN continues a run from its own checkpoint,"
                + " --resume-from DIR starts a new run from a checkpoint directory; give one of them");
    }

    @Test
    void onlyTrainResumesRuns() {
        // the demo's comparison needs its whole run in one process: a stopped demo run resumes with train
        assertThat(Main.commandLine().getSubcommands().get("demo").getCommandSpec().findOption("--resume")).isNull();
        assertThat(Main.commandLine().getSubcommands().get("train").getCommandSpec().findOption("--resume"))
                .isNotNull();
    }

    @Test
    void commandLinesThatDoNotParseAreOneLineWithSuggestionsAndTheHelpCommand() {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("trian")).isEqualTo(Main.USAGE_ERROR);
        assertThat(cli.execute("train", "--epoch", "2")).isEqualTo(Main.USAGE_ERROR);
        assertThat(cli.execute("train", "--epochs", "2", "extra")).isEqualTo(Main.USAGE_ERROR);
        assertThat(cli.execute("runs", "lst")).isEqualTo(Main.USAGE_ERROR);

        assertThat(err.toString().lines().toList()).containsExactly(
                "adr: Unmatched argument at index 0: 'trian'; did you mean adr train? (./adr --help lists what it"
                        + " takes)",
                "adr: Unknown options: '--epoch', '2'; did you mean --epochs? (./adr train --help lists what it"
                        + " takes)",
                "adr: Unmatched argument at index 3: 'extra' (./adr train --help lists what it takes)",
                "adr: Unmatched argument at index 1: 'lst'; did you mean adr runs list? (./adr runs --help lists"
                        + " what it takes)");
    }

    @Test
    void aMapOptionWithoutKeyValueNamesTheOptionOnce() {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("train", "--sink-options", "foo")).isEqualTo(Main.USAGE_ERROR);

        // picocli's own text reads "Value for option option '--sink-options'"
        assertThat(err.toString().strip()).isEqualTo("adr: Value for option '--sink-options' (SINK.KEY=V) should be in"
                + " KEY=VALUE[,KEY=VALUE]... format but was foo (./adr train --help lists what it takes)");
    }

    @Test
    void theHelpNamesTheLaunchersOwnCommandsToo() {
        String help = Main.commandLine().getUsageMessage();

        assertThat(help).contains("  test ", "  bench ", "  kafka ", "./adr bench --help");
    }

    @Test
    void flipAloneTurnsFlipsOn() {
        // refused before any data is read, naming the value --flip took
        int code = run("train", "--flip", "--strategy", "fixed", "--policy-options", "cache=first-layer");

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString()).contains("augmentation (--flip true) changes the images every epoch");
    }

    @Test
    void metricsSettingsNoRunCanUseAreRefusedBeforeTraining() {
        int code = run("train", "--metrics-grace", "-1");

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString()).contains("--metrics-grace must be 0 or more seconds, got -1");
        TrackingOptions portOutOfRange = new TrackingOptions();
        portOutOfRange.metricsPort = 70_000;
        assertThatThrownBy(portOutOfRange::requireValidMetrics).hasMessage("--metrics-port must be a port in 1..65535,"
                + " or 0 to turn the endpoint off; got 70000");
        TrackingOptions unknownHost = new TrackingOptions();
        unknownHost.metricsHost = "no-such-host.invalid";
        assertThatThrownBy(unknownHost::requireValidMetrics).hasMessage("--metrics-host no-such-host.invalid is not a"
                + " known host name or address; pass an address of this machine, such as 127.0.0.1 or 0.0.0.0"
                + " (every interface)");
        TrackingOptions otherMachine = new TrackingOptions();
        otherMachine.metricsHost = "192.0.2.1"; // TEST-NET-1: documentation only, never a local address
        assertThatThrownBy(otherMachine::requireValidMetrics).hasMessageStartingWith("--metrics-host 192.0.2.1"
                + " (192.0.2.1) is not an address of this machine");
        otherMachine.metricsPort = 0;
        otherMachine.requireValidMetrics(); // no endpoint, no host to bind
        assertThat(otherMachine.unusedMetricsSettings()).hasValue("--metrics-port 0 turns the metrics endpoint off,"
                + " so --metrics-host is not used");
        otherMachine.metricsGrace = 5;
        assertThat(otherMachine.unusedMetricsSettings()).hasValue("--metrics-port 0 turns the metrics endpoint off,"
                + " so --metrics-host and --metrics-grace are not used");
        TrackingOptions off = new TrackingOptions();
        off.metricsPort = 0;
        assertThat(off.unusedMetricsSettings()).isEmpty();
        for (String local : new String[] {"127.0.0.1", "0.0.0.0", "localhost"}) {
            TrackingOptions ok = new TrackingOptions();
            ok.metricsHost = local;
            ok.requireValidMetrics();
            assertThat(ok.unusedMetricsSettings()).isEmpty();
        }
    }

    @Test
    void kafkaIsASinkWhenABrokerIsGivenAndNeedsOneWhenNamed() {
        int code = run("train", "--sink", "kafka", "--dataset", "idx:" + home.resolve("not-read"));

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip()).as("refused before the data is read")
                .isEqualTo("adr: --sink kafka needs --kafka-bootstrap HOST:PORT (the broker to publish to)");
        err.getBuffer().setLength(0);
        assertThat(run("train", "--kafka-bootstrap", "nohost", "--dataset", "idx:" + home.resolve("not-read")))
                .isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip()).isEqualTo("adr: Kafka bootstrap server 'nohost' is not host:port (port"
                + " 1-65535); give it as host:port, for example 127.0.0.1:9092");
        TrackingOptions brokerAlone = new TrackingOptions();
        brokerAlone.kafkaBootstrap = "127.0.0.1:9092";
        assertThat(brokerAlone.kafka()).isTrue();
        assertThat(new TrackingOptions().kafka()).isFalse();
        TrackingOptions topicAlone = new TrackingOptions();
        topicAlone.kafkaTopic = "mine";
        assertThatThrownBy(topicAlone::kafka).hasMessage("--kafka-topic mine needs --kafka-bootstrap HOST:PORT (the"
                + " broker to publish to)");
    }

    @Test
    void badFlagsAreReportedTogether() {
        int code = run("train", "--epochs", "zero", "--model", "resnet");

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString()).contains("2 problems").contains("--epochs: expected a whole number")
                .contains("model: unknown 'resnet'");
    }

    @Test
    void aShortRealRunWritesTheJsonSummary(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        Path json = dir.resolve("out.json");

        int code = run("train", "--train-limit", "256", "--test-limit", "2000", "--seed", "3", "--json",
                json.toString());

        assertThat(code).isZero();
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        for (String field : new String[] {"test_accuracy", "test_loss", "wall_seconds", "images_per_second", "epochs",
            "seed", "model", "dataset"}) {
            assertThat(summary.has(field)).as(field).isTrue();
        }
        assertThat(summary.get("test_accuracy").asDouble()).isBetween(0.2, 1.0);
        assertThat(summary.get("seed").asLong()).isEqualTo(3);
        assertThat(summary.get("model").asText()).isEqualTo("cifarnet");
        assertThat(summary.get("test_images").asInt()).isEqualTo(2000);
        String runId = summary.get("run_id").asText();
        assertThat(home.resolve(runId).resolve("events.jsonl")).isNotEmptyFile();
        assertThat(home.resolve(runId).resolve("checkpoint").resolve("manifest.json")).isRegularFile();
    }

    @Test
    void aShortReuseRunRecordsItsChangesAndRemainingRatio(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        Path json = dir.resolve("reuse.json");

        int code = run("train", "--strategy", "fixed", "--policy", "all", "--clustering", "lsh", "--L", "25", "--H",
                "6", "--train-limit", "128", "--test-limit", "200", "--plugins-dir", dir.toString(), "--json",
                json.toString());

        assertThat(code).isZero();
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.get("strategy").asText()).isEqualTo("fixed");
        assertThat(summary.get("clustering").asText()).isEqualTo("lsh");
        // at most 2^6 clusters per group of 2 x 64 x 28 x 28 rows (conv1) or 2 x 64 x 14 x 14 rows (conv2)
        assertThat(summary.get("mean_remaining_ratio").asDouble()).isGreaterThan(0).isLessThan(0.05);
        assertThat(summary.get("reuse_changes")).hasSize(2);
        assertThat(summary.get("reuse_changes").get(0).asText()).contains("conv1: exact -> {L=25, H=6}");
    }

    @Test
    void theDemoTrainsAdaptivelyAndReportsTheTimeAgainstMeasuredExactSteps(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        Path json = dir.resolve("demo.json");

        int code = run("demo", "--json", json.toString());

        assertThat(code).isZero();
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.get("strategy").asText()).isEqualTo("adaptive");
        assertThat(summary.get("reuse_changes").get(0).asText()).contains("adaptive: start at the coarsest level");
        assertThat(summary.get("exact_measured_steps").asInt()).isEqualTo(ExactPace.MEASURED_STEPS);
        double before = summary.get("exact_seconds_per_step_before").asDouble();
        double after = summary.get("exact_seconds_per_step_after").asDouble();
        assertThat(after).isPositive();
        assertThat(summary.get("exact_seconds_per_step").asDouble()).isEqualTo(Math.min(before, after));
        assertThat(summary.get("steps_with_reuse").asLong()).isPositive();
        double exact = summary.get("exact_estimate_seconds").asDouble();
        double reuse = summary.get("train_seconds").asDouble();
        assertThat(exact).isPositive();
        assertThat(summary.get("time_saved_vs_exact").asDouble()).isCloseTo(1 - reuse / exact, within(1e-9));
        assertThat(summary.get("test_accuracy").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void anUnknownClusteringIsRefusedBeforeTrainingWithTheKnownNames() {
        int code = run("train", "--strategy", "fixed", "--clustering", "nope");

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown clustering 'nope'").contains("kmeans").contains("lsh");
        assertThat(home).as("no run opened").isEmptyDirectory();
    }

    @Test
    void misspeltLayerNamesAreRefusedTogetherBeforeTrainingWithTheModelsConvolutions() {
        int code = run("train", "--model", "cifarnet", "--strategy", "staged", "--strategy-options",
                "per-layer=conv1=25:4@0;cnv2=25:8@0", "--policy", "layers", "--policy-options", "layers=conv2,conv7");

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().split("\n")).containsExactly("adr: 2 plugin problems:",
                "  strategy staged: no convolution named 'cnv2' in cifarnet (its convolutions: conv1, conv2); "
                        + "correct the name in --strategy-options",
                "  policy layers: no convolution named 'conv7' in cifarnet (its convolutions: conv1, conv2); "
                        + "correct the name in --policy-options");
        assertThat(home).as("no run opened").isEmptyDirectory();
    }

    @Test
    void refusedPluginOptionsAreReportedTogetherEachNamingItsPluginOnce() {
        int code = run("train", "--strategy", "adaptive", "--strategy-options", "cooldown=-3", "--policy", "all",
                "--policy-options", "reuse=bogus", "--clustering", "kmeans", "--clustering-options", "iterations=0");

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().split("\n")).containsExactly("adr: 3 plugin problems:",
                "  strategy adaptive: cooldown must be >= 0, got -3",
                "  policy all: reuse must be forward, forward+weights or all, got 'bogus'",
                "  clustering kmeans: iterations must be in 1..100, got 0");
        assertThat(home).as("no run opened").isEmptyDirectory();
    }

    @Test
    void anUnwritableJsonFileIsRefusedBeforeTrainingNotAfter(@TempDir Path dir) {
        Path json = dir.resolve("missing").resolve("run.json");

        int code = run("train", "--json", json.toString());

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip()).isEqualTo("adr: --json " + json + ": directory " + json.getParent()
                + " does not exist; create it or pick another file");
        assertThat(home).as("no run started").isEmptyDirectory();
    }
}

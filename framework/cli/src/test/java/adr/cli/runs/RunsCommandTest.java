package adr.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import adr.tracking.events.CheckpointSaved;
import adr.tracking.events.EventJson;
import adr.tracking.events.RunFailed;
import adr.tracking.events.RunInterrupted;
import adr.tracking.events.RunStarted;
import adr.tracking.journal.Journal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adr runs} end to end over a temporary home of journals written by hand. */
class RunsCommandTest {
    private static final int USAGE_ERROR = Cli.USAGE_ERROR;

    private final Cli cli = new Cli();

    @TempDir
    Path home;

    @BeforeEach
    void writeRuns() throws Exception {
        RunsFixtures.threeRuns(home);
    }

    private int run(String... args) throws Exception {
        return cli.run(args);
    }

    private List<String> lines() {
        return cli.lines();
    }

    @Test
    void listShowsOneAlignedRowPerRunWithItsStatus() throws Exception {
        int code = run("runs", "list", "--home", home.toString());

        assertThat(code).as(cli.err()).isZero();
        List<String> lines = lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("RUN").contains("STATUS").contains("MODEL").contains("STRATEGY")
                .contains("STARTED").contains("EPOCHS").endsWith("ACCURACY");
        assertThat(lines.get(1)).startsWith("exact-1").contains("COMPLETED").contains("cifarnet").contains("exact")
                .contains("2025-03-01 09:00:00Z").contains("1/1").endsWith("0.8600");
        assertThat(lines.get(3)).startsWith("died-1").contains("ABANDONED").contains("0/1").endsWith("-");
        int status = lines.get(0).indexOf("STATUS");
        assertThat(lines).allSatisfy(line -> assertThat(line.charAt(status - 1)).isEqualTo(' '));
        assertThat(lines.subList(1, 4)).extracting(line -> line.substring(status, status + 1))
                .containsExactly("C", "C", "A");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void listAsJsonForScripts() throws Exception {
        int code = run("runs", "list", "--home", home.toString(), "--json");

        assertThat(code).as(cli.err()).isZero();
        JsonNode runs = new ObjectMapper().readTree(cli.out());
        assertThat(runs).hasSize(3);
        JsonNode reuse = runs.get(1);
        assertThat(reuse.get("run_id").asText()).isEqualTo("reuse-1");
        assertThat(reuse.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(reuse.get("final_accuracy").asDouble()).isEqualTo(0.85);
        assertThat(reuse.get("started").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(runs.get(2).get("final_accuracy").isNull()).isTrue();
    }

    @Test
    void aRunWhoseWriterHoldsItsLockIsRunning() throws Exception {
        try (Journal journal = Journal.create(home, "live-1", new EventJson(), Clock.systemUTC())) {
            journal.publish(new adr.spi.events.Event(EventJson.SCHEMA, UUID.randomUUID().toString(), "live-1", 0,
                    "RunStarted", JournalFiles.T0.plusSeconds(60),
                    new EventJson().toMap(RunsFixtures.started("exact", "none"))));
            journal.flush();

            int code = run("runs", "list", "--home", home.toString());

            assertThat(code).as(cli.err()).isZero();
            assertThat(lines()).filteredOn(l -> l.startsWith("live-1")).singleElement().asString()
                    .contains("RUNNING");
        }
    }

    @Test
    void showPrintsConfigurationProvenanceTimelineEvaluationsAndResult() throws Exception {
        int code = run("runs", "show", "reuse-1", "--home", home.toString());

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Run reuse-1: COMPLETED")
                .contains("fixed strategy, clustering lsh")
                .contains("written by   host trainer-7, pid 4242")
                .contains("Configuration").containsPattern("\n  strategy +fixed\n")
                .contains("Plugins").containsPattern("clustering +lsh +adr-lsh +0\\.1\\.0 +1\\.0 +classpath")
                .contains("Reuse timeline")
                .containsPattern("conv1 +exact +L=25 H=8 +forward\\+weights\\+input +fixed strategy: reuse from")
                .containsPattern("conv2 +L=25 H=8 +exact +exact +accuracy below target")
                .contains("Evaluations").containsPattern("\n +1 +0\\.8500 +0\\.4300 +1000\n")
                .contains("Result").containsPattern("test accuracy +0\\.8500")
                .containsPattern("wall time +40\\.0 s").containsPattern("mean r_c +0\\.300 \\(");
    }

    @Test
    void showAsJsonHasTheMetricSeries() throws Exception {
        int code = run("runs", "show", "reuse-1", "--home", home.toString(), "--json");

        assertThat(code).as(cli.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(cli.out());
        assertThat(run.get("config").get("L").asText()).isEqualTo("25");
        assertThat(run.get("plugins").get(0).get("plugin_id").asText()).isEqualTo("adr-lsh");
        assertThat(run.get("reuse_changes")).hasSize(3);
        assertThat(run.get("reuse_changes").get(2).get("reason").asText()).isEqualTo("accuracy below target");
        assertThat(run.get("metrics").get(0).get("remaining_ratio").get("conv1").asDouble()).isEqualTo(0.3);
        assertThat(run.get("result").get("wall_seconds").asDouble()).isEqualTo(40.0);
        assertThat(run.get("failure").isNull()).isTrue();
    }

    @Test
    void anUnknownRunIsOneLineSayingHowToListTheKnownOnes() throws Exception {
        int code = run("runs", "show", "nope", "--home", home.toString());

        assertThat(code).isEqualTo(USAGE_ERROR);
        assertThat(cli.err()).isEqualTo("adr: unknown run 'nope' in journals under " + home
                + "; see the known runs with ./adr runs list --home " + home + System.lineSeparator());
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void compareShowsTimeSavedAgainstTheExactRun() throws Exception {
        int code = run("runs", "compare", "reuse-1", "exact-1", "died-1", "--home", home.toString());

        assertThat(code).as(cli.err()).isZero();
        List<String> lines = lines();
        assertThat(lines.get(0)).startsWith("RUN").contains("L, H").contains("MEAN r_c").endsWith("TIME SAVED");
        assertThat(lines.get(1)).startsWith("reuse-1").contains("fixed").contains("lsh")
                .contains("conv1 L=25 H=8, conv2 exact").contains("0.300").contains("40.0 s").contains("1000")
                .contains("0.8500").endsWith("60.0%");
        assertThat(lines.get(2)).startsWith("exact-1").contains(" exact ").contains("1.000").contains("100.0 s")
                .endsWith("0.0%");
        assertThat(lines.get(3)).startsWith("died-1").contains("ABANDONED").contains("L=25 H=8").endsWith("-");
        assertThat(lines.get(0).length()).isEqualTo(lines.get(1).length()); // right-aligned last column
        assertThat(cli.out()).contains("exact run exact-1");
    }

    @Test
    void compareAllSetsEachRunAgainstTheExactRunOfItsOwnWorkNamedInAColumn() throws Exception {
        RunStarted shortRun = RunsFixtures.started("exact", "none");
        RunStarted longRun = new RunStarted(shortRun.model(), shortRun.dataset(), "exact", "none", shortRun.config(),
                List.of(), 2, 200, 6400, 1000, "trainer-7", 4244, 30, false, 0, 0);
        new JournalFiles(home, "long-exact", JournalFiles.T0.plusSeconds(9000)).add(longRun)
                .add(RunsFixtures.completed(0.86, 200.0, 1000.0, Map.of()));

        int code = run("runs", "compare", "exact-1", "long-exact", "reuse-1", "--home", home.toString());

        assertThat(code).as(cli.err()).isZero();
        List<String> lines = lines();
        assertThat(lines.get(0)).endsWith("TIME SAVED  AGAINST");
        assertThat(lines.get(1)).startsWith("exact-1").endsWith("0.0%  exact-1");
        assertThat(lines.get(2)).startsWith("long-exact").endsWith("0.0%  long-exact");
        assertThat(lines.get(3)).startsWith("reuse-1").endsWith("60.0%  exact-1");
        assertThat(lines.subList(5, 8)).containsExactly(
                "Time saved is 1 - wall / wall of the exact run that trained the same work (column AGAINST):",
                "  exact-1: cifarnet on fashion-mnist, 100 steps over 6400 images",
                "  long-exact: cifarnet on fashion-mnist, 200 steps over 6400 images");
    }

    @Test
    void aResumedRunsWallTimeIsNamedAsItsLastProcesssInCompareAndShow() throws Exception {
        RunStarted resumed = RunsFixtures.started("fixed", "lsh");
        resumed = new RunStarted(resumed.model(), resumed.dataset(), resumed.strategy(), resumed.clustering(),
                resumed.config(), resumed.plugins(), 1, 100, 6400, 1000, "trainer-7", 4243, 30, true, 0, 50);
        new JournalFiles(home, "resumed-1", JournalFiles.T0.plusSeconds(9000)).add(RunsFixtures.started("fixed", "lsh"))
                .add(resumed).add(RunsFixtures.completed(0.85, 20.0, 1000.0, Map.of("conv1", 0.2, "conv2", 0.4)));

        int code = run("runs", "compare", "resumed-1", "exact-1", "--home", home.toString());

        assertThat(code).as(cli.err()).isZero();
        assertThat(lines().get(1)).startsWith("resumed-1").contains("20.0 s").endsWith("-");
        assertThat(cli.out()).contains("resumed-1: no time saved: it was resumed, and its wall time covers only its"
                + " last process");

        assertThat(run("runs", "show", "resumed-1", "--home", home.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("wall time +20\\.0 s \\(training 18\\.0 s\\), its last process: the run"
                + " was resumed")
                .containsPattern("images trained +6400 in its last process; 1 epoch, 100 steps in all");
    }

    @Test
    void showSaysWhatMostLikelyEndedAnAbandonedRunAndHowToContinueIt() throws Exception {
        assertThat(run("runs", "show", "died-1", "--home", home.toString())).as(cli.err()).isZero();

        assertThat(lines()).anySatisfy(line -> assertThat(line).matches(
                "  resume with +\\./adr train --resume died-1 \\(no checkpoint yet: from the start\\)"));
        assertThat(lines()).containsSequence("Abandoned", "  the process ended without a last event after "
                + "2025-03-01 11:00:01Z: most likely it was killed outright (SIGKILL, or the kernel's out-of-memory"
                + " killer: dmesg | grep -i 'killed process' tells) or its machine went down");
    }

    @Test
    void showNamesASignalStopWithItsEpochsStepAndCheckpoint() throws Exception {
        new JournalFiles(home, "stopped-1", JournalFiles.T0.plusSeconds(9000))
                .add(RunsFixtures.started("exact", "none")).add(new RunInterrupted("TERM", 1, 615, "/tmp/ck"));

        assertThat(run("runs", "show", "stopped-1", "--home", home.toString())).as(cli.err()).isZero();

        assertThat(lines()).contains("Interruption", "  signal TERM after 615 steps, 1 full epoch; checkpoint /tmp/ck");

        new JournalFiles(home, "stopped-2", JournalFiles.T0.plusSeconds(9000))
                .add(RunsFixtures.started("exact", "none")).add(new RunInterrupted("TERM", 1, 615, "/tmp/ck"))
                .add(RunsFixtures.started("exact", "none"))
                .add(RunsFixtures.completed(0.85, 20.0, 1000.0, Map.of()));
        cli.clear();
        assertThat(run("runs", "show", "stopped-2", "--home", home.toString())).as(cli.err()).isZero();
        assertThat(lines()).contains("Interruption (resumed since)").doesNotContain("Interruption");
    }

    @Test
    void showCountsTheStepsOfACheckpointAndAFailureInAllNotWithinTheEpoch() throws Exception {
        new JournalFiles(home, "failed-1", JournalFiles.T0.plusSeconds(9000)).add(RunsFixtures.started("exact", "none"))
                .add(new CheckpointSaved(2, 200, "/tmp/ck")).add(new RunFailed("TrainingDivergedException",
                        "the loss became NaN at step 4 of epoch 3", 3, 203));

        assertThat(run("runs", "show", "failed-1", "--home", home.toString())).as(cli.err()).isZero();

        assertThat(lines()).contains("  /tmp/ck (after 200 steps, 2 full epochs)", "  TrainingDivergedException: the"
                + " loss became NaN at step 4 of epoch 3 (in epoch 3, after 203 steps)");
    }

    @Test
    void theReuseTimelineShowsWhereTheRunResumedAndTheLayersRestartedExact() throws Exception {
        RunStarted first = RunsFixtures.started("fixed", "lsh");
        RunStarted resumed = new RunStarted(first.model(), first.dataset(), first.strategy(), first.clustering(),
                first.config(), first.plugins(), 1, 100, 6400, 1000, "trainer-7", 4243, 30, true, 0, 50);
        new JournalFiles(home, "resumed-2", JournalFiles.T0.plusSeconds(9000)).add(first)
                .add(RunsFixtures.change("conv1", "exact", "L=25 H=8", "fixed strategy: reuse from the start"))
                .add(resumed)
                .add(RunsFixtures.change("conv1", "exact", "L=25 H=8", "fixed strategy: reuse from the start"));

        assertThat(run("runs", "show", "resumed-2", "--home", home.toString())).as(cli.err()).isZero();
        List<String> timeline = lines().stream().dropWhile(l -> !l.equals("Reuse timeline")).skip(2).limit(3).toList();
        assertThat(timeline.get(0)).contains("conv1").contains("reuse from the start");
        assertThat(timeline.get(1)).containsPattern("^ +1 +50 +all +exact +resumed in a new process at 2025-03-01"
                + " 11:30:0\\dZ: every layer starts exact until the strategy, told the checkpoint's settings,"
                + " sets it$");
        assertThat(timeline.get(2)).contains("conv1").contains("exact").contains("L=25 H=8");

        cli.clear();
        assertThat(run("runs", "show", "resumed-2", "--home", home.toString(), "--json")).as(cli.err()).isZero();
        JsonNode resumes = new ObjectMapper().readTree(cli.out()).get("resumes");
        assertThat(resumes).hasSize(1);
        assertThat(resumes.get(0).get("step").asLong()).isEqualTo(50);
        assertThat(resumes.get(0).get("epochs_done").asInt()).isZero();
    }

    @Test
    void compareAllTakesEveryRunOldestFirstAndOneRunIsRefused() throws Exception {
        int code = run("runs", "compare", "--all", "--home", home.toString());

        assertThat(code).as(cli.err()).isZero();
        assertThat(lines().subList(1, 4)).extracting(l -> l.split(" ")[0])
                .containsExactly("exact-1", "reuse-1", "died-1");
        cli.clear();
        assertThat(run("runs", "compare", "exact-1", "--home", home.toString())).isEqualTo(USAGE_ERROR);
        assertThat(cli.err()).contains("compare needs two or more runs, got exact-1 alone; see the others with"
                + " ./adr runs list --home " + home);
        assertThat(run("runs", "compare", "exact-1", "reuse-1", "--all", "--home", home.toString()))
                .isEqualTo(USAGE_ERROR);
        assertThat(cli.err()).contains("give either run ids or --all, not both");
        cli.clear();
        Path empty = java.nio.file.Files.createDirectory(home.resolve("empty"));
        assertThat(run("runs", "compare", "--all", "--home", empty.toString())).isZero();
        assertThat(cli.out().strip()).isEqualTo("No runs in journals under " + empty + ".");
    }

    @Test
    void resumingACompletedRunPointsToANewRunFromItsCheckpoint() throws Exception {
        int code = run("train", "--resume", "exact-1", "--home", home.toString());

        assertThat(code).isEqualTo(USAGE_ERROR);
        assertThat(cli.err()).contains("run exact-1 already completed; to train it longer, start a new run from its"
                + " checkpoint with its settings and more epochs: ./adr train --resume-from "
                + home.resolve("exact-1").resolve("checkpoint") + " --epochs N");
    }

    @Test
    void compareAsJson() throws Exception {
        int code = run("runs", "compare", "reuse-1", "exact-1", "--home", home.toString(), "--json");

        assertThat(code).as(cli.err()).isZero();
        JsonNode comparison = new ObjectMapper().readTree(cli.out());
        assertThat(comparison.get("baselines").get(0).get("run_id").asText()).isEqualTo("exact-1");
        assertThat(comparison.get("runs").get(0).get("baseline").asText()).isEqualTo("exact-1");
        assertThat(comparison.get("runs").get(0).get("time_saved").asDouble()).isCloseTo(0.6,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(comparison.get("runs").get(0).get("mean_remaining_ratio").asDouble()).isCloseTo(0.3,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void compareNamesEveryUnknownRun() throws Exception {
        int code = run("runs", "compare", "reuse-1", "x", "y", "--home", home.toString());

        assertThat(code).isEqualTo(USAGE_ERROR);
        assertThat(cli.err().strip()).startsWith("adr: unknown runs 'x', 'y' in journals under ")
                .endsWith("./adr runs list --home " + home).doesNotContain("\n");
    }

    @Test
    void aRunIdMayBeShortenedToAPrefixOnlyOneRunHas() throws Exception {
        assertThat(run("runs", "show", "reu", "--home", home.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Run reuse-1: COMPLETED");
        cli.clear();
        assertThat(run("runs", "compare", "ex", "di", "--home", home.toString())).as(cli.err()).isZero();
        assertThat(lines().get(1)).startsWith("exact-1");
        assertThat(lines().get(2)).startsWith("died-1");

        new JournalFiles(home, "exact-2").add(RunsFixtures.started("exact", "none"));
        cli.clear();
        assertThat(run("runs", "show", "exact", "--home", home.toString())).isEqualTo(USAGE_ERROR);
        assertThat(cli.err().strip()).startsWith("adr: 'exact' is the start of 2 runs (exact-1, exact-2); give more"
                + " of the id in journals under ").doesNotContain("\n");
    }

    @Test
    void kafkaWithoutItsBootstrapIsOneLineNamingTheFlag() throws Exception {
        int code = run("runs", "list", "--source", "kafka");

        assertThat(code).isEqualTo(USAGE_ERROR);
        assertThat(cli.err().strip()).isEqualTo("adr: --source kafka needs --kafka-bootstrap HOST:PORT (the"
                + " Kafka broker), for example --kafka-bootstrap 127.0.0.1:9092");
        cli.clear();

        assertThat(run("runs", "list", "--home", home.toString(), "--kafka-topic", "mine")).isEqualTo(USAGE_ERROR);
        assertThat(cli.err().strip()).isEqualTo("adr: --kafka-topic mine names a Kafka topic, but the runs are read"
                + " from the journals under " + home + "; add --kafka-bootstrap HOST:PORT to read the topic (with"
                + " --home, also --source kafka)");
    }

    @Test
    void syncErrorsAreOneLine() throws Exception {
        assertThat(run("runs", "sync", "reuse-1", "--home", home.toString())).isEqualTo(USAGE_ERROR);
        assertThat(cli.err()).contains("--kafka-bootstrap HOST:PORT").doesNotContain("Exception");
        cli.clear();

        assertThat(run("runs", "sync", "--home", home.toString(), "--kafka-bootstrap", "127.0.0.1:9")).isEqualTo(
                USAGE_ERROR);
        assertThat(cli.err().strip()).isEqualTo("adr: give either a run id or --all; see the runs with"
                + " ./adr runs list --home " + home);
        cli.clear();

        // the unknown run is found before any broker is contacted
        assertThat(run("runs", "sync", "nope", "--home", home.toString(), "--kafka-bootstrap", "127.0.0.1:9"))
                .isEqualTo(USAGE_ERROR);
        assertThat(cli.err().strip()).startsWith("adr: unknown run 'nope': no journal at ")
                .endsWith("./adr runs list --home " + home);
    }

    @Test
    void aHomeThatCannotHoldRunsIsNamedNotListedAsEmpty() throws Exception {
        Path missing = home.resolve("no-such-home");
        assertThat(run("runs", "list", "--home", missing.toString())).isEqualTo(USAGE_ERROR);
        assertThat(cli.err().strip()).isEqualTo("adr: --home " + missing + ": no such directory; pass the directory"
                + " the runs were trained with (default ./runs)");
        cli.clear();

        Path runDirectory = home.resolve("exact-1");
        assertThat(run("runs", "show", "exact-1", "--home", runDirectory.toString())).isEqualTo(USAGE_ERROR);
        assertThat(cli.err().strip()).isEqualTo("adr: --home " + runDirectory + " is one run's directory; pass"
                + " the directory holding the runs: --home " + home);
        cli.clear();

        Path file = java.nio.file.Files.writeString(home.resolve("notes.txt"), "x");
        assertThat(run("runs", "sync", "--all", "--home", file.toString(), "--kafka-bootstrap", "127.0.0.1:9"))
                .isEqualTo(USAGE_ERROR);
        assertThat(cli.err().strip()).isEqualTo("adr: --home " + file + " is a file; pass the directory of the run"
                + " journals (default ./runs)");
    }

    @Test
    void damagedJournalLinesAreWarningsOnStderrAndTheRestIsListed() throws Exception {
        new JournalFiles(home, "torn-1").add(RunsFixtures.started("exact", "none")).append("0badc0de {\"sch");

        int code = run("runs", "list", "--home", home.toString(), "--json");

        assertThat(code).isZero();
        assertThat(new ObjectMapper().readTree(cli.out())).hasSize(4);
        assertThat(cli.err()).startsWith("adr: warning: ").contains("torn");
    }

    @Test
    void gapsInAJournalAreReported() throws Exception {
        new JournalFiles(home, "gap-1").add(RunsFixtures.started("exact", "none"));
        // a line for seq 2 written directly: seq 1 is missing
        String json = new EventJson().encode(new adr.spi.events.Event(EventJson.SCHEMA, "e-2", "gap-1", 2,
                "Heartbeat", JournalFiles.T0.plusSeconds(2), java.util.Map.of("epoch", 1, "globalStep", 3)));
        new JournalFiles(home, "gap-1").append(JournalFiles.line(json));

        int code = run("runs", "list", "--home", home.toString());

        assertThat(code).isZero();
        assertThat(cli.err().strip()).isEqualTo("adr: warning: run gap-1 is missing events [seq 1]; what they"
                + " recorded is lost");
    }
}

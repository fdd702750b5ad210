package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.events.RunInterrupted;
import adr.tracking.events.RunStarted;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import adr.tracking.journal.JournalSource;
import adr.tracking.projection.RunRegistry;
import adr.tracking.projection.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run in a child JVM, killed with SIGKILL or stopped with SIGTERM: the journal
 * keeps every event written, the registry tells what happened, and {@code --resume}
 * finishes the run with the same id and a continuing {@code seq}.
 */
class CrashSafetyTest {
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private final EventJson json = new EventJson();

    @BeforeAll
    static void needsFashionMnist() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist; ./adr test does it)");
    }

    private static Process train(Path home, Path log) throws IOException {
        return child(List.of(), log, "--home", home.toString(), "--epochs", "2", "--train-limit", "1280",
                "--test-limit", "500", "--metrics-every", "1", "--heartbeat-seconds", "1", "--metrics-port", "0");
    }

    /** {@code adr train ARGS} in a child JVM with {@code jvmOptions}, its output to {@code log}. */
    private static Process child(List<String> jvmOptions, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Xmx2g"));
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (extension != null) {
            command.add("-Dorg.bytedeco.javacpp.platform.extension=" + extension);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("adr.cli.Main", "train"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the child's only run has an event matching {@code wanted}; returns the run id. */
    private static String awaitEvent(Path home, Process child, Predicate<Event> wanted) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("the training child exited early").isTrue();
            for (String runId : new JournalSource(home).runIds()) {
                if (JournalReader.read(JournalLayout.journalFile(home, runId), w -> { }).stream().anyMatch(wanted)) {
                    return runId;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching event within " + PATIENCE);
    }

    private static List<Event> journal(Path home, String runId) {
        return JournalReader.read(JournalLayout.journalFile(home, runId), w -> { });
    }

    private static RunStatus status(Path home, String runId) {
        return RunRegistry.replay(new JournalSource(home), w -> { }, Clock.systemUTC(),
                id -> JournalSource.writerAlive(home, id)).find(runId).orElseThrow().status();
    }

    private static int resume(Path home, String runId) {
        return Main.commandLine().execute("train", "--resume", runId, "--home", home.toString(), "--heartbeat-seconds",
                "1", "--metrics-port", "0");
    }

    private static int lastIndexOf(List<Event> events, String type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    private static void assertSeqsContinuous(List<Event> events) {
        assertThat(events).extracting(Event::seq)
                .containsExactly(LongStream.range(0, events.size()).boxed().toArray(Long[]::new));
    }

    @Test
    void aRunKilledWithSigkillIsAbandonedAndResumeCompletesIt(@TempDir Path home) throws Exception {
        Process child = train(home, home.resolve("child.log"));
        String runId = awaitEvent(home, child, e -> e.type().equals("CheckpointSaved"));
        child.destroyForcibly(); // SIGKILL: no handler runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<Event> beforeResume = journal(home, runId);

        assertThat(status(home, runId)).isEqualTo(RunStatus.ABANDONED);
        assertThat(beforeResume).extracting(Event::type).doesNotContain("RunCompleted", "RunInterrupted");

        assertThat(resume(home, runId)).isZero();

        List<Event> all = journal(home, runId);
        assertThat(all.subList(0, beforeResume.size())).isEqualTo(beforeResume);
        assertSeqsContinuous(all);
        RunStarted resumed = all.stream().filter(e -> e.type().equals("RunStarted")).skip(1).findFirst()
                .map(e -> json.payload(e, RunStarted.class)).orElseThrow();
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.startEpoch()).isEqualTo(1);
        assertThat(all.get(all.size() - 1).type()).isEqualTo("RunCompleted");
        assertThat(status(home, runId)).isEqualTo(RunStatus.COMPLETED);
    }

    /**
     * The launcher sets the same JavaCPP ceiling from the machine's memory; here 1 GB. The
     * floor checked before the run opens passes (CifarNet's layers keep 0.67 MB per image,
     * 0.34 GB at batch 512, next to the process's 0.35 GB); the reuse step's unfolded rows
     * and hash projections come on top and do not fit (2.2 GB at its peak, measured).
     */
    @Test
    void aStepPastTheNativeMemoryCeilingFailsTheRunWithOneLineNamingTheBatchSize(@TempDir Path home)
            throws Exception {
        Path log = home.resolve("child.log");
        Process child = child(List.of("-Dorg.bytedeco.javacpp.maxphysicalbytes=1g"), log, "--home",
                home.toString(), "--strategy", "fixed", "--batch-size", "512", "--train-limit", "512",
                "--test-limit", "64", "--metrics-port", "0");
        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isEqualTo(Main.USAGE_ERROR);
        // JavaCPP refuses an allocation past the ceiling, or the memory watch sees a native operation pass it
        assertThat(output).containsPattern("(?m)^adr: out of memory at batch size 512 \\(evaluation batch size 64\\):"
                + " (Physical memory usage is too high: .*|the process's resident memory reached [0-9.]+ GB inside a"
                + " native operation, past its ceiling of 1.0 GB \\(org.bytedeco.javacpp.maxphysicalbytes\\)); lower"
                + " --batch-size or --eval-batch-size and train again$")
                .doesNotContain("\tat ");
        String runId = new JournalSource(home).runIds().get(0);
        assertThat(status(home, runId)).isEqualTo(RunStatus.FAILED);
        assertThat(journal(home, runId).get(journal(home, runId).size() - 1).payload().get("error"))
                .isEqualTo("TrainingOutOfMemoryException");
    }

    @Test
    void aBatchWhoseKeptLayerBuffersAloneExceedTheCeilingIsRefusedBeforeARunOpens(@TempDir Path home) throws Exception {
        Path log = home.resolve("child.log");
        Process child = child(List.of("-Dorg.bytedeco.javacpp.maxphysicalbytes=1g"), log, "--home",
                home.toString(), "--batch-size", "60000", "--metrics-port", "0");
        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isEqualTo(Main.USAGE_ERROR);
        assertThat(output).containsPattern("(?m)^adr: batch size 60000 does not fit in memory: cifarnet's layers"
                + " keep 39.1 GB of outputs and gradients for it \\(684 KB per image\\), the process already uses"
                + " [0-9.]+ MB and may use 1.0 GB \\(org.bytedeco.javacpp.maxphysicalbytes\\); lower --batch-size$");
        assertThat(new JournalSource(home).runIds()).isEmpty();
    }

    @Test
    void sigtermWritesACheckpointAndRunInterruptedThenResumeContinuesFromThatStep(@TempDir Path home)
            throws Exception {
        Process child = train(home, home.resolve("child.log"));
        String runId = awaitEvent(home, child, e -> e.type().equals("StepMetrics")
                && ((Number) e.payload().get("globalStep")).longValue() >= 3);
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(home.resolve("child.log"))).isEqualTo(143);

        List<Event> stopped = journal(home, runId);
        Event last = stopped.get(stopped.size() - 1);
        assertThat(last.type()).isEqualTo("RunInterrupted");
        RunInterrupted interrupted = json.payload(last, RunInterrupted.class);
        assertThat(interrupted.signal()).isEqualTo("TERM");
        assertThat(interrupted.checkpoint()).isNotNull();
        List<String> afterLastStep = stopped.subList(lastIndexOf(stopped, "StepMetrics"), stopped.size()).stream()
                .map(Event::type).filter(t -> !t.equals("Heartbeat")).toList();
        assertThat(afterLastStep).containsExactly("StepMetrics", "CheckpointSaved", "RunInterrupted");
        assertThat(status(home, runId)).isEqualTo(RunStatus.INTERRUPTED);

        assertThat(resume(home, runId)).isZero();

        List<Event> all = journal(home, runId);
        assertSeqsContinuous(all);
        RunStarted resumed = json.payload(all.get(stopped.size()), RunStarted.class);
        assertThat(resumed.startStep()).isEqualTo(interrupted.globalStep());
        assertThat(status(home, runId)).isEqualTo(RunStatus.COMPLETED);
    }
}

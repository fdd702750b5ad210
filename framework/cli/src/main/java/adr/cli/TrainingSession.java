package adr.cli;

import adr.cli.runs.HomeDirectory;
import adr.core.checkpoint.CheckpointStore;
import adr.core.experiment.CompositeObserver;
import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentOutcome;
import adr.core.experiment.ExperimentRunner;
import adr.core.experiment.PreparedExperiment;
import adr.core.experiment.RunObserver;
import adr.core.train.StopSignal;
import adr.core.train.TrainingOutOfMemoryException;
import adr.core.train.TrainingPace;
import adr.spi.events.EventSink;
import adr.tracking.events.EventJson;
import adr.tracking.journal.JournalLayout;
import adr.tracking.kafka.KafkaSettings;
import adr.tracking.kafka.KafkaSink;
import adr.tracking.metrics.RunMetrics;
import adr.tracking.run.PluginSinks;
import adr.tracking.run.RecorderSettings;
import adr.tracking.run.ResumePoint;
import adr.tracking.run.RunIds;
import adr.tracking.run.TrackedRun;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Runs one tracked experiment: opens the run's journal (and the Kafka sink when asked)
 * and the metrics endpoint, trains with a progress bar while the recorders write the
 * run's events and meters, stops cleanly on SIGINT or SIGTERM, then prints the summary
 * and writes the JSON.
 */
final class TrainingSession {
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock = Clock.systemUTC();

    TrainingSession(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * How a session ended.
     *
     * @param exitCode the process exit code: 0, or 128 plus the signal that stopped the run
     * @param outcome the finished run, null when a signal stopped it
     */
    record Ended(int exitCode, String runId, ExperimentOutcome outcome) {
    }

    /**
     * @param resume the run to continue, or null for a new run
     * @return the process exit code: 0, or 128 plus the signal that stopped the run
     */
    int run(ExperimentConfig requested, Path json, TrackingOptions tracking, ResumePoint resume) {
        return train(requested, json, tracking, resume).exitCode();
    }

    /** Like {@link #run}, and returns the finished run for reports built on top of it. */
    Ended train(ExperimentConfig requested, Path json, TrackingOptions tracking, ResumePoint resume) {
        tracking.requireValidMetrics();
        tracking.unusedMetricsSettings().ifPresent(unused -> warn("warning: " + unused));
        HomeDirectory.requireWritable(tracking.home);
        KafkaSettings kafka = tracking.kafka() ? new KafkaSettings(tracking.kafkaBootstrap, tracking.kafkaTopic) : null;
        String runId = resume != null ? resume.runId() : new RunIds(clock, RandomGenerator.getDefault()).next();
        ExperimentConfig checkpointed = withRunCheckpoints(requested, tracking.home, runId, resume);
        ExperimentConfig config = checkpointed.withReuse(checkpointed.reuse().withPluginsDirResolved());
        // bad names, options, data and checkpoints are refused before a run is opened: the history gets
        // no runs that never started, and a resumed run no failure of a resume that never began
        PluginSinks.Chosen chosenSinks = PluginSinks.choose(tracking.pluginSinks(), tracking.sinkOptions,
                config.reuse().pluginsDir());
        PreparedExperiment prepared = PreparedExperiment.of(config);
        prepared.notes().forEach(this::warn);
        PluginSinks pluginSinks = chosenSinks.create();
        KafkaSink kafkaSink = kafka != null ? new KafkaSink(kafka, new EventJson(), KafkaSink.DEFAULT_CLOSE_TIMEOUT,
                this::warn) : null;
        List<EventSink> sinks = new ArrayList<>(pluginSinks.sinks());
        if (kafkaSink != null) {
            sinks.add(kafkaSink);
        }
        RecorderSettings settings = new RecorderSettings(tracking.metricsEvery, tracking.heartbeatSeconds, host(),
                ProcessHandle.current().pid(), pluginSinks.uses());
        StopSignal stop = new StopSignal();
        Ended ended;
        try (TrackedRun run = resume == null
                ? TrackedRun.start(tracking.home, runId, sinks, settings, clock, this::warn)
                : TrackedRun.resume(tracking.home, runId, sinks, settings, clock, this::warn);
                StopOnSignal signals = new StopOnSignal(stop, err)) {
            out.println((resume == null ? "run " : "resuming run ") + runId + " (journal "
                    + JournalLayout.journalFile(tracking.home, runId) + ")");
            TrainingPace pace = new TrainingPace();
            try (RunMetrics metrics = startMetrics(tracking, runId, pace, run, kafkaSink)) {
                ended = train(run, prepared, json, stop, signals, pace, metrics);
                if (metrics != null) {
                    linger(metrics, tracking, stop);
                }
            }
        }
        if (kafkaSink != null) {
            warnUndelivered(kafkaSink.undelivered(), runId, tracking);
        }
        return ended;
    }

    /** Events the Kafka sink could not deliver before closing are in the journal; say how to publish them. */
    private void warnUndelivered(long undelivered, String runId, TrackingOptions tracking) {
        if (undelivered > 0) {
            warn(Plural.of(undelivered, "event") + " of run " + runId + (undelivered == 1 ? " is" : " are")
                    + " not in Kafka yet; publish " + (undelivered == 1 ? "it" : "them") + " with"
                    + " ./adr runs sync " + runId + " --kafka-bootstrap " + tracking.kafkaBootstrap);
        }
    }

    /** The metrics endpoint, or null when turned off or its port is taken (training goes on without it). */
    private RunMetrics startMetrics(TrackingOptions tracking, String runId, TrainingPace pace, TrackedRun run,
            KafkaSink kafka) {
        if (tracking.metricsPort == 0) {
            return null;
        }
        try {
            RunMetrics metrics = new RunMetrics(runId, pace, run::eventsWritten, kafka, tracking.metricsHost(),
                    tracking.metricsPort);
            out.println("metrics on http://" + tracking.metricsHost() + ":" + metrics.port() + "/metrics");
            return metrics;
        } catch (IllegalArgumentException e) {
            warn(e.getMessage() + "; training goes on without metrics");
            return null;
        }
    }

    private void linger(RunMetrics metrics, TrackingOptions tracking, StopSignal stop) {
        Duration grace = Duration.ofSeconds(tracking.metricsGrace());
        if (metrics.scraped() && !grace.isZero()) {
            err.println("adr: final metrics stay scrapable for " + grace.toSeconds() + " s (--metrics-grace;"
                    + " Ctrl-C ends the wait)");
        }
        try {
            metrics.linger(grace, stop::requested);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Ended train(TrackedRun run, PreparedExperiment prepared, Path json, StopSignal stop,
            StopOnSignal signals, TrainingPace pace, RunMetrics metrics) {
        ExperimentConfig config = prepared.config();
        ProgressBar progress = new ProgressBar(err, System.console() != null, config.epochs(), pace);
        List<RunObserver> observers = new ArrayList<>(List.of(run.recorder(), RunObserver.of(pace)));
        if (metrics != null) {
            observers.add(metrics.recorder());
        }
        observers.add(RunObserver.of(progress));
        RunObserver observer = new CompositeObserver(observers);
        ExperimentOutcome outcome;
        try {
            outcome = new ExperimentRunner(prepared, observer, progress::note, stop)
                    .watchingMemory(e -> endOutOfMemory(run, progress, e)).run();
        } catch (RuntimeException e) {
            run.recorder().failed(e);
            throw e;
        }
        var result = outcome.result();
        if (result.stopped()) {
            run.recorder().interrupted(signals.signalName(), result.progress(), config.checkpointDir());
            err.println("adr: run " + run.runId() + " stopped after step " + result.progress().globalStep()
                    + "; checkpoint in " + config.checkpointDir() + "; continue it with ./adr train --resume "
                    + run.runId());
            return new Ended(signals.exitCode(), run.runId(), null);
        }
        run.recorder().completed(outcome);
        RunSummary summary = RunSummary.of(run.runId(), outcome);
        summary.printTable(out);
        if (json != null) {
            summary.writeJson(json);
            out.println("summary written to " + json);
        }
        return new Ended(0, run.runId(), outcome);
    }

    /**
     * A step passed the memory ceiling inside a native operation, where the training thread
     * cannot be stopped and the kernel would soon kill the process without a word. The run
     * ends now as one refused by JavaCPP's own check does: its failure recorded (the last
     * checkpoint stays as it was), one line, exit code 2.
     */
    private void endOutOfMemory(TrackedRun run, ProgressBar progress, TrainingOutOfMemoryException e) {
        run.recorder().failed(e);
        progress.note("adr: " + e.getMessage());
        err.flush();
        Runtime.getRuntime().halt(Main.USAGE_ERROR);
    }

    /**
     * Every tracked run checkpoints, so that it can be resumed: where it saves them (the
     * configured directory, else its own under the home) and what it starts from: the given
     * checkpoint, or for a resume the last one the run saved, which stays where it was saved
     * even when {@code --checkpoint-dir} moves the checkpoints to come (when the journal
     * names none, say after a kill between a save and its event, the run's checkpoint
     * directory).
     */
    static ExperimentConfig withRunCheckpoints(ExperimentConfig config, Path home, String runId,
            ResumePoint resume) {
        Path checkpoints = config.checkpointDir() != null ? config.checkpointDir()
                : JournalLayout.checkpointDirectory(home, runId);
        Path from = config.resumeFrom();
        if (from == null && resume != null) {
            from = Stream.of(resume.lastCheckpoint(), resume.checkpointDir()).filter(Objects::nonNull)
                    .filter(CheckpointStore::exists).findFirst().orElse(null);
            if (from == null && resume.lastCheckpoint() != null) {
                // starting again from step 0 under the same id would silently throw the run's training away
                throw new IllegalArgumentException("run " + runId + " saved its last checkpoint in "
                        + resume.lastCheckpoint() + ", which holds none now; put it back, or start a new run");
            }
        }
        return config.withCheckpoints(checkpoints, from);
    }

    private void warn(String message) {
        err.println("adr: " + message);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}

package adr.cli;

import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentOutcome;
import adr.core.experiment.ExperimentRunner;
import java.io.PrintStream;
import java.nio.file.Path;

/** Runs one experiment with a progress bar, then prints the summary and writes the JSON. */
final class TrainingSession {
    private final PrintStream out;
    private final PrintStream err;

    TrainingSession(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExperimentOutcome run(ExperimentConfig config, Path json) {
        ProgressBar progress = new ProgressBar(err, System.console() != null, config.epochs());
        ExperimentOutcome outcome = new ExperimentRunner(config, progress, progress::note).run();
        RunSummary summary = RunSummary.of(outcome);
        summary.printTable(out);
        if (json != null) {
            summary.writeJson(json);
            out.println("summary written to " + json);
        }
        return outcome;
    }
}

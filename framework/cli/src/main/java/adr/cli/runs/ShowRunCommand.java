package adr.cli.runs;

import adr.tracking.projection.RunHistory;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adr runs show RUN}: one run's configuration, plugins, reuse timeline, evaluations and outcome. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "A run's configuration, plugin provenance, reuse timeline, evaluations and result.")
final class ShowRunCommand extends ReplayingCommand {

    @Parameters(paramLabel = "RUN", description = "the run id (see adr runs list)")
    String runId;

    @Option(names = "--json", description = "print JSON to stdout (with the metric series) instead of text")
    boolean json;

    @Override
    public Integer call() {
        Console console = console();
        RunHistory run = replay.find(registry(console), List.of(runId)).get(0);
        if (json) {
            console.json(RunsJson.details(run));
        } else {
            new RunReport(console.out()).print(run);
        }
        return 0;
    }
}

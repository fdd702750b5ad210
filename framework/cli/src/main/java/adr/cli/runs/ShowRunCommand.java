package adr.cli.runs;

import adr.tracking.projection.RunHistory;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code adr runs show RUN}: one run's configuration, plugins, reuse timeline, evaluations and outcome. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "A run's configuration, plugin provenance, reuse timeline, evaluations and result.")
final class ShowRunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "the run id (see adr runs list)")
    String runId;

    @Mixin
    ReplayOptions replay;

    @Option(names = "--json", description = "print JSON to stdout (with the metric series) instead of text")
    boolean json;

    @ParentCommand
    RunsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console console = Console.of(spec);
        RunHistory run = replay.find(replay.replay(parent.clock(), console::warn), List.of(runId)).get(0);
        if (json) {
            console.json(RunsJson.details(run));
        } else {
            new RunReport(console.out()).print(run);
        }
        return 0;
    }
}

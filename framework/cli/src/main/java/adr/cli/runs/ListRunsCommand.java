package adr.cli.runs;

import adr.tracking.projection.RunHistory;
import adr.tracking.projection.RunRegistry;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adr runs list}: one line per run, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "One line per run, oldest first.")
final class ListRunsCommand extends ReplayingCommand {
    @Option(names = "--json", description = "print JSON to stdout instead of a table")
    boolean json;

    @Override
    public Integer call() {
        Console console = console();
        RunRegistry registry = registry(console);
        List<RunHistory> runs = registry.runs().stream().sorted(RunHistory.OLDEST_FIRST).toList();
        runs.stream().filter(r -> !r.gaps().isEmpty()).forEach(r -> console.warn("run " + r.runId()
                + " is missing events " + r.gaps() + "; what they recorded is lost"));
        if (json) {
            console.json(RunsJson.summaries(runs));
        } else if (runs.isEmpty()) {
            console.println("No runs in " + replay.describe() + ".");
        } else {
            table(runs).print(console.out(), "");
        }
        return 0;
    }

    private static TextTable table(List<RunHistory> runs) {
        TextTable table = new TextTable("RUN", "STATUS", "MODEL", "STRATEGY", "STARTED", "EPOCHS", "ACCURACY");
        for (RunHistory run : runs) {
            String epochs = run.plannedEpochs() > 0 ? run.epochsDone() + "/" + run.plannedEpochs()
                    : String.valueOf(run.epochsDone());
            table.row(run.runId(), run.status().name(), run.model(), run.strategy(), Cells.time(run.started()),
                    epochs, Cells.number(run.finalAccuracy(), 4, ""));
        }
        return table;
    }
}

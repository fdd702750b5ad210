package adr.cli.runs;

import adr.tracking.projection.RunComparison;
import adr.tracking.projection.RunHistory;
import adr.tracking.projection.RunRegistry;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adr runs compare RUN RUN...}: runs side by side, with the time saved against the exact one. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs side by side: reuse setting, mean r_c, wall time, speed, accuracy, and time saved"
                + " against the exact run among them.")
final class CompareRunsCommand extends ReplayingCommand {

    @Parameters(paramLabel = "RUN", arity = "0..*", description = "two or more run ids (see adr runs list)")
    List<String> runIds = List.of();

    @Option(names = "--all", description = "compare every run in the source, oldest first")
    boolean all;

    @Option(names = "--json", description = "print JSON to stdout instead of a table")
    boolean json;

    @Override
    public Integer call() {
        if (all == !runIds.isEmpty()) {
            throw new IllegalArgumentException(all ? "give either run ids or --all, not both"
                    : "give two or more run ids, or --all; see the runs with " + replay.listCommand());
        }
        if (!all && runIds.size() < 2) {
            throw new IllegalArgumentException("compare needs two or more runs, got " + runIds.get(0)
                    + " alone; see the others with " + replay.listCommand());
        }
        Console console = console();
        RunRegistry registry = registry(console);
        List<RunHistory> runs = all ? registry.runs().stream().sorted(RunHistory.OLDEST_FIRST).toList()
                : replay.find(registry, runIds);
        if (runs.isEmpty() && !json) {
            console.println("No runs in " + replay.describe() + "."); // --all over an empty home: no empty table
            return 0;
        }
        RunComparison comparison = RunComparison.of(runs);
        if (json) {
            console.json(RunsJson.comparison(comparison));
            return 0;
        }
        boolean severalBaselines = comparison.baselines().size() > 1;
        table(comparison, severalBaselines).print(console.out(), "");
        console.println("");
        footer(comparison).forEach(console::println);
        comparison.notes().forEach(console::println);
        return 0;
    }

    /** Against which exact run the time saved is measured: one, or one per work trained. */
    private static List<String> footer(RunComparison comparison) {
        List<RunComparison.Baseline> baselines = comparison.baselines();
        if (baselines.isEmpty()) {
            return List.of("No exact run among them completed in one process, so no time saved; compare with one"
                    + " trained with --strategy exact.");
        }
        if (baselines.size() == 1) {
            return List.of("Time saved is 1 - wall / wall of the exact run " + baselines.get(0).runId() + ".");
        }
        List<String> lines = new ArrayList<>(List.of("Time saved is 1 - wall / wall of the exact run that trained"
                + " the same work (column AGAINST):"));
        baselines.forEach(b -> lines.add("  " + b.runId() + ": " + b.work()));
        return lines;
    }

    /** @param againstColumn name each row's exact run: there is more than one */
    private static TextTable table(RunComparison comparison, boolean againstColumn) {
        List<String> header = new ArrayList<>(List.of("RUN", "STATUS", "STRATEGY", "CLUSTERING", "L, H", "MEAN r_c",
                "WALL", "IMAGES/S", "ACCURACY", "TIME SAVED"));
        if (againstColumn) {
            header.add("AGAINST");
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (RunComparison.Row row : comparison.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.runId(), row.status().name(), row.strategy(),
                    row.clustering(), row.setting(), Cells.number(row.meanRemainingRatio(), 3, ""),
                    Cells.number(row.wallSeconds(), 1, " s"), Cells.number(row.imagesPerSecond(), 0, ""),
                    Cells.number(row.finalAccuracy(), 4, ""), Cells.percent(row.timeSaved())));
            if (againstColumn) {
                cells.add(row.baseline().orElse("-"));
            }
            table.row(cells.toArray(String[]::new));
        }
        return table;
    }
}

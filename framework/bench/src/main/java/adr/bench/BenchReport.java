package adr.bench;

import adr.cli.OutputFile;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training benchmark's JSON file and plot. Both are rewritten after every finished
 * run, with {@code "complete": false} until the last one: a bench of twenty minutes that
 * is stopped or fails keeps every run it finished.
 *
 * @param settings what was trained (model, dataset, epochs, ...), at the top of the JSON
 * @param json the JSON file, or null for none
 * @param plot the PNG of test accuracy against wall time
 * @param title the plot's title
 */
record BenchReport(Map<String, Object> settings, Path json, Path plot, String title) {

    BenchReport {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings)); // in the order given
    }

    /** Writes the entries finished so far; {@code complete} once every run of every round is in. */
    void write(List<RepeatedRuns> entries, boolean complete) {
        AccuracyPlot.write(plot, title, entries.stream().map(RepeatedRuns::median).toList());
        if (json == null) {
            return;
        }
        RepeatedRuns exact = entries.stream().filter(r -> r.name().equals("exact")).findFirst().orElse(null);
        Map<String, Object> report = new LinkedHashMap<>(settings);
        report.put("complete", complete);
        report.put("runs", entries.stream().map(r -> r.json(exact)).toList());
        OutputFile.writeJson("--json", json, report);
    }
}

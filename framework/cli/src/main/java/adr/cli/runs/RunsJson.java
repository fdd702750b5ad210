package adr.cli.runs;

import adr.tracking.projection.RunComparison;
import adr.tracking.projection.RunHistory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of runs for scripts: snake_case keys as in {@code adr train --json},
 * times as ISO-8601 strings, null for what is not known.
 */
final class RunsJson {
    private RunsJson() {
    }

    /** What {@code runs list} shows of a run. */
    static Map<String, Object> summary(RunHistory run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", run.runId());
        json.put("status", run.status().name());
        json.put("model", run.model());
        json.put("dataset", run.dataset());
        json.put("strategy", run.strategy());
        json.put("clustering", run.clustering());
        json.put("started", time(run.started()));
        json.put("last_event", time(run.lastEventTime()));
        json.put("epochs_done", run.epochsDone());
        json.put("epochs_planned", run.plannedEpochs());
        json.put("final_accuracy", Cells.orNull(run.finalAccuracy()));
        json.put("events", run.eventCount());
        json.put("last_seq", run.lastSeq());
        json.put("gaps", run.gaps());
        return json;
    }

    /** Everything the events say about a run. */
    static Map<String, Object> details(RunHistory run) {
        Map<String, Object> json = summary(run);
        json.put("resumed_at", run.resumedAt().stream().map(RunsJson::time).toList());
        json.put("resumes", run.resumes().stream().map(r -> Map.of("at", time(r.at()), "epochs_done", r.epochsDone(),
                "step", r.step())).toList());
        json.put("config", run.config());
        json.put("plugins", run.plugins());
        json.put("reuse_changes", run.reuseChanges());
        json.put("evaluations", run.evaluations());
        json.put("checkpoints", run.checkpoints());
        json.put("metrics", run.metrics());
        json.put("result", run.result());
        json.put("failure", run.failure());
        json.put("interruption", run.interruption());
        return json;
    }

    static Map<String, Object> comparison(RunComparison comparison) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("baselines", comparison.baselines().stream().map(b -> {
            Map<String, Object> baseline = new LinkedHashMap<>();
            baseline.put("run_id", b.runId());
            baseline.put("work", b.work());
            return baseline;
        }).toList());
        json.put("runs", comparison.rows().stream().map(RunsJson::row).toList());
        json.put("notes", comparison.notes());
        return json;
    }

    private static Map<String, Object> row(RunComparison.Row row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", row.runId());
        json.put("status", row.status().name());
        json.put("strategy", row.strategy());
        json.put("clustering", row.clustering());
        json.put("setting", row.setting());
        json.put("mean_remaining_ratio", Cells.orNull(row.meanRemainingRatio()));
        json.put("wall_seconds", Cells.orNull(row.wallSeconds()));
        json.put("images_per_second", Cells.orNull(row.imagesPerSecond()));
        json.put("final_accuracy", Cells.orNull(row.finalAccuracy()));
        json.put("time_saved", Cells.orNull(row.timeSaved()));
        json.put("baseline", row.baseline().orElse(null));
        return json;
    }

    static List<Map<String, Object>> summaries(List<RunHistory> runs) {
        return runs.stream().map(RunsJson::summary).toList();
    }

    private static String time(Instant time) {
        return time == null ? null : time.toString();
    }
}

package adr.cli;

import adr.core.NativeBackend;
import adr.core.experiment.ExperimentOutcome;
import adr.core.reuse.ReuseChange;
import adr.core.train.EpochReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The result of a run as a table for people and as JSON for scripts (snake_case keys). */
record RunSummary(Map<String, Object> fields) {

    static RunSummary of(String runId, ExperimentOutcome o) {
        var c = o.config();
        var r = o.result();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("run_id", runId);
        f.put("model", c.model());
        f.put("dataset", c.dataset());
        f.put("test_accuracy", r.test().accuracy());
        f.put("test_loss", r.test().loss());
        f.put("wall_seconds", r.wallSeconds());
        f.put("train_seconds", r.trainSeconds());
        f.put("images_per_second", r.imagesPerSecond());
        f.put("epochs", c.epochs());
        f.put("seed", c.seed());
        f.put("batch_size", c.batchSize());
        f.put("learning_rate", c.learningRate());
        f.put("schedule", c.schedule());
        f.put("train_images", o.trainImages());
        f.put("test_images", o.testImages());
        f.put("parameters", o.parameterCount());
        f.put("exact_conv", c.convAlgorithm().resolve().name().toLowerCase(Locale.ROOT));
        f.put("nd4j_backend", NativeBackend.select());
        f.put("accuracy_by_epoch", r.epochs().stream().filter(e -> e.test() != null)
                .map(e -> e.test().accuracy()).toList());
        f.put("train_loss_by_epoch", r.epochs().stream().map(EpochReport::trainLoss).toList());
        f.put("strategy", c.reuse().strategy());
        f.put("clustering", c.reuse().exact() ? "none" : c.reuse().clustering());
        f.put("mean_remaining_ratio", o.reuse().overallRemainingRatio());
        f.put("remaining_ratio_by_layer", o.reuse().meanRemainingRatio());
        f.put("reuse_changes", o.reuse().changes().stream().map(ReuseChange::toString).toList());
        f.put("config", c.asMap());
        return new RunSummary(f);
    }

    void printTable(PrintStream out) {
        List<String[]> rows = List.of(
                row("run", String.valueOf(fields.get("run_id"))),
                row("model", fields.get("model") + " (" + String.format(Locale.ROOT, "%,d", fields.get("parameters"))
                        + " parameters)"),
                row("dataset", fields.get("dataset") + " (" + fields.get("train_images") + " train / "
                        + fields.get("test_images") + " test images)"),
                row("epochs", fields.get("epochs") + " at batch size " + fields.get("batch_size")),
                row("exact conv", fields.get("exact_conv") + " on " + fields.get("nd4j_backend")),
                row("reuse", fields.get("strategy") + " strategy, clustering " + fields.get("clustering")
                        + String.format(Locale.ROOT, ", mean r_c %.3f", (Double) fields.get("mean_remaining_ratio"))),
                row("test accuracy", String.format(Locale.ROOT, "%.4f", (Double) fields.get("test_accuracy"))),
                row("test loss", String.format(Locale.ROOT, "%.4f", (Double) fields.get("test_loss"))),
                row("wall time", String.format(Locale.ROOT, "%.1f s", (Double) fields.get("wall_seconds"))),
                row("training speed", String.format(Locale.ROOT, "%.0f images/s",
                        (Double) fields.get("images_per_second"))),
                row("seed", String.valueOf(fields.get("seed"))));
        out.println();
        out.println("Run summary");
        for (String[] r : rows) {
            out.printf(Locale.ROOT, "  %-16s %s%n", r[0], r[1]);
        }
    }

    private static String[] row(String name, String value) {
        return new String[] {name, value};
    }

    /** This summary with more fields after the others (reports built on top of a run). */
    RunSummary with(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.putAll(more);
        return new RunSummary(all);
    }

    void writeJson(Path path) {
        OutputFile.writeJson("--json", path, fields);
    }
}

package adr.cli.runs;

import adr.cli.Plural;
import adr.tracking.events.CheckpointSaved;
import adr.tracking.events.EvaluationCompleted;
import adr.tracking.events.ReuseConfigChanged;
import adr.tracking.events.RunCompleted;
import adr.tracking.events.RunStarted;
import adr.tracking.projection.Resume;
import adr.tracking.projection.RunHistory;
import adr.tracking.projection.RunStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The text of {@code adr runs show}: a heading block, then one section per kind of record. */
final class RunReport {
    private static final String INDENT = "  ";

    private final PrintWriter out;

    RunReport(PrintWriter out) {
        this.out = out;
    }

    void print(RunHistory run) {
        heading(run);
        configuration(run);
        plugins(run);
        timeline(run);
        evaluations(run);
        checkpoints(run);
        outcome(run);
        out.flush();
    }

    private void heading(RunHistory run) {
        out.println("Run " + run.runId() + ": " + run.status());
        TextTable table = new TextTable("", "");
        table.row("model", run.model() + " on " + run.dataset());
        table.row("reuse", run.strategy() + " strategy, clustering " + run.clustering());
        table.row("started", Cells.time(run.started()) + (run.resumedAt().isEmpty() ? ""
                : ", resumed " + run.resumedAt().stream().map(Cells::time).collect(Collectors.joining(", "))));
        table.row("last event", Cells.time(run.lastEventTime()));
        table.row("epochs done", run.epochsDone() + (run.plannedEpochs() > 0 ? " of " + run.plannedEpochs() : ""));
        RunStarted start = run.start();
        if (start != null) {
            table.row("written by", "host " + start.host() + ", pid " + start.pid());
        }
        boolean stopped = run.status() == RunStatus.ABANDONED || run.status() == RunStatus.INTERRUPTED;
        if (stopped) {
            // without a checkpoint the resume trains from the start, under the same id
            table.row("resume with", "./adr train --resume " + run.runId()
                    + (run.checkpoints().isEmpty() ? " (no checkpoint yet: from the start)" : ""));
        }
        table.row("events", run.eventCount() + " (last seq " + run.lastSeq() + ")"
                + (run.gaps().isEmpty() ? "" : "; missing " + run.gaps() + ", those events are lost"));
        rows(table);
    }

    private void configuration(RunHistory run) {
        section("Configuration");
        if (run.config().isEmpty()) {
            out.println(INDENT + "(not recorded: the run's start was not seen)");
            return;
        }
        TextTable table = new TextTable("", "");
        run.config().forEach((key, value) -> table.row(key, String.valueOf(value)));
        rows(table);
    }

    private void plugins(RunHistory run) {
        if (run.plugins().isEmpty()) {
            return;
        }
        section("Plugins");
        TextTable table = new TextTable("KIND", "NAME", "PLUGIN", "VERSION", "SPI", "SOURCE", "CONFIG");
        for (RunStarted.PluginUse p : run.plugins()) {
            table.row(p.kind(), p.name(), p.pluginId(), p.version(), p.spiVersion(), p.source(),
                    p.config() == null ? "" : new java.util.TreeMap<>(p.config()).toString());
        }
        table.print(out, INDENT);
    }

    private void timeline(RunHistory run) {
        section("Reuse timeline");
        if (run.reuseChanges().isEmpty()) {
            out.println(INDENT + "(no changes: every layer stayed as configured)");
            return;
        }
        TextTable table = new TextTable("EPOCH", "STEP", "LAYER", "FROM", "TO", "SCOPE", "REASON");
        List<ReuseConfigChanged> changes = run.reuseChanges();
        for (int i = 0; i <= changes.size(); i++) {
            for (Resume resume : run.resumes()) {
                if (resume.reuseChangesBefore() == i) {
                    resumeRow(table, resume);
                }
            }
            if (i < changes.size()) {
                ReuseConfigChanged c = changes.get(i);
                table.row(String.valueOf(c.epoch()), String.valueOf(c.globalStep()), c.layer(), c.from(), c.to(),
                        c.scope(), c.reason());
            }
        }
        table.print(out, INDENT);
    }

    /** Why a layer goes from "exact" to the setting it had just before: the new process started it exact. */
    private static void resumeRow(TextTable table, Resume resume) {
        table.row(String.valueOf(resume.epochsDone() + 1), String.valueOf(resume.step()), "all", "", "exact", "",
                "resumed in a new process at " + Cells.time(resume.at()) + ": every layer starts exact until the"
                        + " strategy, told the checkpoint's settings, sets it");
    }

    private void evaluations(RunHistory run) {
        if (run.evaluations().isEmpty()) {
            return;
        }
        section("Evaluations");
        TextTable table = new TextTable("EPOCH", "ACCURACY", "LOSS", "IMAGES");
        for (EvaluationCompleted e : run.evaluations()) {
            table.row(String.valueOf(e.epoch()), Cells.number(e.accuracy(), 4, ""), Cells.number(e.loss(), 4, ""),
                    String.valueOf(e.images()));
        }
        table.print(out, INDENT);
    }

    private void checkpoints(RunHistory run) {
        if (run.checkpoints().isEmpty()) {
            return;
        }
        CheckpointSaved last = run.checkpoints().get(run.checkpoints().size() - 1);
        section("Checkpoint");
        out.println(INDENT + last.path() + " (after " + progress(last.globalStep(), last.epochsDone()) + ")");
    }

    private void outcome(RunHistory run) {
        if (run.result() != null) {
            section("Result");
            rows(result(run.result(), !run.resumedAt().isEmpty()));
        }
        if (run.failure() != null) {
            section("Failure");
            out.println(INDENT + run.failure().error() + ": " + run.failure().message() + " (in epoch "
                    + run.failure().epoch() + ", after " + Plural.of(run.failure().globalStep(), "step") + ")");
        }
        if (run.status() == RunStatus.ABANDONED) {
            section("Abandoned");
            out.println(INDENT + "the process ended without a last event after " + Cells.time(run.lastEventTime())
                    + ": most likely it was killed outright (SIGKILL, or the kernel's out-of-memory killer: dmesg"
                    + " | grep -i 'killed process' tells) or its machine went down");
        }
        if (run.interruption() != null) {
            var stop = run.interruption();
            // a resume writes no event that ends the stop, so a later state means the run went on
            section(run.status() == RunStatus.INTERRUPTED ? "Interruption" : "Interruption (resumed since)");
            out.println(INDENT + "signal " + stop.signal() + " after " + progress(stop.globalStep(), stop.epochsDone())
                    + "; " + (stop.checkpoint() == null ? "no checkpoint" : "checkpoint " + stop.checkpoint()));
        }
    }

    /**
     * Steps done in all and the epochs among them, e.g. "615 steps, 1 full epoch": a step
     * count alone next to an epoch read as a step within that epoch.
     */
    private static String progress(long steps, int epochsDone) {
        return Plural.of(steps, "step") + ", " + epochsDone + " full epoch" + (epochsDone == 1 ? "" : "s");
    }

    /** @param resumed the run was resumed: its wall and training times are its last process's */
    private static TextTable result(RunCompleted r, boolean resumed) {
        TextTable table = new TextTable("", "");
        table.row("test accuracy", Cells.number(r.testAccuracy(), 4, ""));
        table.row("test loss", Cells.number(r.testLoss(), 4, ""));
        table.row("wall time", Cells.number(r.wallSeconds(), 1, " s") + " (training " + Cells.number(r.trainSeconds(),
                1, " s") + ")" + (resumed ? ", its last process: the run was resumed" : ""));
        table.row("training speed", Cells.number(r.imagesPerSecond(), 0, " images/s"));
        String epochsAndSteps = Plural.of(r.epochs(), "epoch") + ", " + Plural.of(r.globalStep(), "step");
        table.row("images trained", r.imagesTrained() + (resumed ? " in its last process; " + epochsAndSteps + " in all"
                : " in " + epochsAndSteps));
        Map<String, Double> ratios = r.meanRemainingRatio() == null ? Map.of() : r.meanRemainingRatio();
        if (!ratios.isEmpty()) {
            OptionalDouble mean = ratios.values().stream().mapToDouble(Double::doubleValue).average();
            table.row("mean r_c", Cells.number(mean, 3, "") + " (" + ratios.entrySet().stream()
                    .map(e -> e.getKey() + " " + Cells.number(e.getValue(), 3, ""))
                    .collect(Collectors.joining(", ")) + ")");
        }
        return table;
    }

    private void section(String title) {
        out.println();
        out.println(title);
    }

    /** A two-column key/value table, printed without its (empty) header. */
    private void rows(TextTable table) {
        table.printRows(out, INDENT);
    }
}

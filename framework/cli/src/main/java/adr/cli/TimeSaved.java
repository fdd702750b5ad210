package adr.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The training time of a reuse run against exact training of the same steps, estimated
 * from a short measured exact run. Only training steps count: evaluation runs the exact
 * convolution in both.
 *
 * @param strategy the reuse run's strategy
 * @param steps the reuse run's training steps
 * @param stepsWithReuse how many of them had a convolution reusing; the others did the
 *     exact run's work
 * @param reuseSeconds the reuse run's time inside training steps
 * @param exact the measured exact pace
 */
record TimeSaved(String strategy, long steps, long stepsWithReuse, double reuseSeconds, ExactReference exact) {

    double exactSeconds() {
        return exact.secondsFor(steps);
    }

    /** {@code 1 - reuse / exact}: positive when reuse saved time, negative when it cost time. */
    double fraction() {
        return 1 - reuseSeconds / exactSeconds();
    }

    void print(PrintStream out) {
        out.println();
        out.println("Time against exact training (training steps only; evaluation is exact in both)");
        out.printf(Locale.ROOT, "  %-16s %.1f s for %d steps%n", strategy + " run", reuseSeconds, steps);
        out.printf(Locale.ROOT, "  %-16s %.1f s (the first %d steps as measured, %.1f s, then %.1f ms per step,"
                + " %s)%n", "exact, estimated", exactSeconds(), exact.before().warmupSteps(),
                exact.before().warmupSeconds(), exact.secondsPerStep() * 1000, exact.describeMean());
        out.printf(Locale.ROOT, "  %-16s %.1f%%%s%n", "time saved", 100 * fraction(), note());
        out.printf(Locale.ROOT, "  %-16s %d of %d steps%n", "reuse ran in", stepsWithReuse, steps);
    }

    private String note() {
        // exact steps do the exact run's work: a gain or loss made on them is run-to-run spread
        boolean mostlyExact = 2 * stepsWithReuse < steps;
        if (fraction() < 0 && mostlyExact) {
            return " (most steps were exact: the reuse steps and the strategy's measurements cost time, the rest is"
                    + " this machine's run-to-run spread)";
        }
        if (fraction() < 0) {
            return " (reuse was slower than the exact convolution on this machine; README, \"Deep reuse\", says why)";
        }
        return mostlyExact ? " (most steps were exact: within this machine's run-to-run spread)" : "";
    }

    Map<String, Object> jsonFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("exact_warmup_steps", exact.before().warmupSteps());
        f.put("exact_warmup_seconds", exact.before().warmupSeconds());
        f.put("exact_seconds_per_step", exact.secondsPerStep());
        f.put("exact_seconds_per_step_before", exact.before().secondsPerStep());
        f.put("exact_seconds_per_step_after", exact.after() == null ? null : exact.after().secondsPerStep());
        f.put("exact_measured_steps", exact.before().measuredSteps());
        f.put("exact_estimate_seconds", exactSeconds());
        f.put("time_saved_vs_exact", fraction());
        f.put("steps_with_reuse", stepsWithReuse);
        return f;
    }
}

package adr.cli;

import java.util.Locale;

/**
 * The exact training time a reuse run is compared with: the exact pace measured before
 * the run and, when measured, again after it. The first steps count as measured before
 * the run (a full exact run pays the same start-up); later steps go at the faster of the
 * two means. Measured first in the process, the exact steps share the cores with the
 * JIT still compiling, and one demo's exact pace ranged from 57 to 97 ms per step across
 * runs; the faster mean keeps such a spell from passing for time saved by reuse.
 *
 * @param before measured before the reuse run
 * @param after measured after it, or null
 */
record ExactReference(ExactPace before, ExactPace after) {

    double secondsPerStep() {
        return after == null ? before.secondsPerStep() : Math.min(before.secondsPerStep(), after.secondsPerStep());
    }

    /** The time {@code steps} exact steps would take: the warm-up as measured before the run, then the mean step. */
    double secondsFor(long steps) {
        return steps <= before.warmupSteps() ? before.warmupSeconds() * steps / before.warmupSteps()
                : before.warmupSeconds() + (steps - before.warmupSteps()) * secondsPerStep();
    }

    /** How the mean step was taken, for the report. */
    String describeMean() {
        if (after == null) {
            return String.format(Locale.ROOT, "the mean of the next %d measured exact steps",
                    before.measuredSteps());
        }
        return String.format(Locale.ROOT,
                "the faster mean of %d exact steps measured before the run (%.1f ms) and after it (%.1f ms)",
                before.measuredSteps(), before.secondsPerStep() * 1000, after.secondsPerStep() * 1000);
    }
}

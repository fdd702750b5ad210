package adr.plugins.strategies;

/**
 * The thresholds of the {@code adaptive} strategy (its options, described there),
 * checked when built: a bad value is refused with the option's name and its range.
 *
 * @param cooldown in steps, already resolved ({@code 0} in the options means {@code window})
 */
record AdaptiveRules(int window, double stall, double healthy, int patience, long cooldown, double maxRatio,
        double minSpeedup, double maxError) {
    /** The losses the engine keeps; every window the rules compare must fit in them. */
    static final int LOSS_HISTORY = 256;

    /**
     * Rules from the option values as given.
     *
     * @param cooldown {@code 0} for one window
     * @throws IllegalArgumentException naming the first value out of range
     */
    static AdaptiveRules of(long window, double stall, double healthy, long patience, long cooldown, double maxRatio,
            double minSpeedup, double maxError) {
        if (window < 2 || 2 * window > LOSS_HISTORY) {
            throw refused("window must be in 2.." + LOSS_HISTORY / 2 + " (two windows must fit the " + LOSS_HISTORY
                    + " losses kept), got " + window);
        }
        if (!Double.isFinite(stall) || !Double.isFinite(healthy) || stall >= healthy) {
            throw refused("stall must be below healthy, got stall=" + stall + " healthy=" + healthy);
        }
        if (patience < 1 || patience >= LOSS_HISTORY || (patience + 1) * window > LOSS_HISTORY) {
            throw refused("patience must be >= 1 with (patience + 1) * window <= " + LOSS_HISTORY + ", got patience="
                    + patience + " window=" + window);
        }
        if (cooldown < 0) {
            throw refused("cooldown must be >= 0, got " + cooldown);
        }
        if (!(maxRatio > 0 && maxRatio <= 1)) {
            throw refused("max-ratio must be in (0, 1], got " + maxRatio);
        }
        if (!(minSpeedup >= 0) || Double.isInfinite(minSpeedup)) {
            throw refused("min-speedup must be a number >= 0, got " + minSpeedup);
        }
        if (!(maxError >= 0) || Double.isInfinite(maxError)) {
            throw refused("max-error must be a number >= 0, got " + maxError);
        }
        return new AdaptiveRules((int) window, stall, healthy, (int) patience, cooldown == 0 ? window : cooldown,
                maxRatio, minSpeedup, maxError);
    }

    /** The engine names the strategy before the message. */
    private static IllegalArgumentException refused(String problem) {
        return new IllegalArgumentException(problem);
    }

    /** Whether levels are checked at all (their output error, their speed or both). */
    boolean checksLevels() {
        return minSpeedup > 0 || maxError > 0;
    }

    /** Whether a level with this output error is too coarse (not a number counts as too coarse). */
    boolean tooCoarse(double relativeError) {
        return maxError > 0 && !(relativeError <= maxError);
    }
}

package adr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round axis ticks: a step of 1, 2 or 5 times a power of ten, and an axis widened to
 * whole steps, so a reader sees 0, 5, 10 s rather than 0, 6.6, 13.2 s.
 *
 * @param low the first tick, at or below the data
 * @param high the last tick, at or above the data
 * @param step the distance between ticks
 */
record NiceTicks(double low, double high, double step) {

    /** Ticks covering {@code [min, max]} with about {@code count} intervals. */
    static NiceTicks of(double min, double max, int count) {
        if (!(max > min)) {
            max = min + 1;
        }
        double rough = (max - min) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        // a hair of tolerance: (0.9 - 0.6) / 3 is 0.10000000000000002, which is still a step of 0.1
        double fraction = rough / magnitude - 1e-9;
        double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        // nor may a step's rounding error add or drop a tick
        double low = Math.floor(min / step + 1e-9) * step;
        double high = Math.ceil(max / step - 1e-9) * step;
        return new NiceTicks(low, high, step);
    }

    List<Double> values() {
        List<Double> ticks = new ArrayList<>();
        long intervals = Math.round((high - low) / step);
        for (long i = 0; i <= intervals; i++) {
            ticks.add(low + i * step);
        }
        return ticks;
    }

    /** A tick's label with as many decimals as the step needs. */
    String label(double value) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

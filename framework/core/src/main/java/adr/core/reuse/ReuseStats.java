package adr.core.reuse;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one reuse convolution step did: the remaining ratio {@code r_c}, the number of
 * groups and of rows (sub-vectors per group), whether the last group was zero-padded,
 * and seconds per phase.
 */
public record ReuseStats(double remainingRatio, int groups, int rows, boolean padded, Map<Phase, Double> seconds) {

    public ReuseStats {
        seconds = Map.copyOf(seconds);
    }

    /** Clusters over all groups: {@code r_c} is this over {@code groups * rows}. */
    public long clusters() {
        return Math.round(remainingRatio * groups * (double) rows);
    }

    /** Accumulates phase times over one forward and its backward. */
    static final class Timer {
        private final EnumMap<Phase, Long> nanos = new EnumMap<>(Phase.class);
        private long mark = System.nanoTime();

        void start() {
            nanos.clear();
            mark = System.nanoTime();
        }

        /** Charges the time since the last mark to {@code phase}. */
        void lap(Phase phase) {
            long now = System.nanoTime();
            nanos.merge(phase, now - mark, Long::sum);
            mark = now;
        }

        void resume() {
            mark = System.nanoTime();
        }

        Map<Phase, Double> seconds() {
            Map<Phase, Double> s = new EnumMap<>(Phase.class);
            nanos.forEach((phase, ns) -> s.put(phase, ns / 1e9));
            return s;
        }
    }
}

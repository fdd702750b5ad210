package adr.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every round's run of one entry of the training benchmark (a strategy or the peer),
 * and the median run reported for it.
 *
 * <p>On a shared machine one run's wall time moves by tens of percent (three identical
 * exact runs took 48.6, 49.7 and 63.0 s), so with several rounds the reported run is
 * the median by wall time (the lower median for an even count, the conservative
 * choice), and the rounds' times are kept beside it.
 *
 * @param rounds one run per round, in round order; never empty
 */
record RepeatedRuns(String name, List<RunRecord> rounds) {

    RepeatedRuns {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException(name + ": no runs");
        }
        rounds = List.copyOf(rounds);
    }

    /** The run with the median wall time. */
    RunRecord median() {
        List<RunRecord> byWall = rounds.stream().sorted(Comparator.comparingDouble(RunRecord::wallSeconds)).toList();
        return byWall.get((byWall.size() - 1) / 2);
    }

    /** Largest minus smallest wall time over the median's: 0 for a single round. */
    double wallSpread() {
        double min = rounds.stream().mapToDouble(RunRecord::wallSeconds).min().orElseThrow();
        double max = rounds.stream().mapToDouble(RunRecord::wallSeconds).max().orElseThrow();
        return (max - min) / median().wallSeconds();
    }

    /** {@code 1 - wall / exact wall} of the median runs. */
    double timeSavedVs(RepeatedRuns exact) {
        return 1 - median().wallSeconds() / exact.median().wallSeconds();
    }

    /**
     * {@code 1 - wall / exact wall} round by round: the rounds interleave the entries, so
     * a round's runs share the machine's state more closely than runs of other rounds.
     */
    List<Double> timeSavedByRound(RepeatedRuns exact) {
        int count = Math.min(rounds.size(), exact.rounds.size());
        return IntStream.range(0, count)
                .mapToObj(r -> 1 - rounds.get(r).wallSeconds() / exact.rounds.get(r).wallSeconds()).toList();
    }

    /** The median run's JSON entry, compared with the exact entry's median when there is one, plus the rounds. */
    Map<String, Object> json(RepeatedRuns exact) {
        Map<String, Object> m = median().json(exact == null ? null : exact.median());
        m.put("rounds", rounds.size());
        m.put("wall_seconds_by_round", rounds.stream().map(RunRecord::wallSeconds).toList());
        m.put("test_accuracy_by_round", rounds.stream().map(RunRecord::testAccuracy).toList());
        m.put("time_saved_vs_exact_by_round", exact == null ? null : timeSavedByRound(exact));
        return m;
    }
}

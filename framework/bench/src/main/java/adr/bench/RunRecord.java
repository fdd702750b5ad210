package adr.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run of the side-by-side training benchmark.
 *
 * @param wallSeconds from the first step to the end of the last evaluation
 * @param secondsAtEpoch wall seconds at the end of each epoch's evaluation
 * @param meanRemainingRatio mean {@code r_c} over convolutions and steps (1 = exact)
 */
record RunRecord(String name, double wallSeconds, double trainSeconds, double imagesPerSecond, double testAccuracy,
        List<Double> accuracyByEpoch, List<Double> secondsAtEpoch, double meanRemainingRatio, int reuseChanges) {

    /** The JSON entry, relative to the exact run when there is one. */
    Map<String, Object> json(RunRecord exact) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("wall_seconds", wallSeconds);
        m.put("train_seconds", trainSeconds);
        m.put("images_per_second", imagesPerSecond);
        m.put("test_accuracy", testAccuracy);
        m.put("accuracy_by_epoch", accuracyByEpoch);
        m.put("seconds_at_epoch", secondsAtEpoch);
        m.put("mean_remaining_ratio", meanRemainingRatio);
        m.put("reuse_changes", reuseChanges);
        m.put("time_saved_vs_exact", exact == null ? null : 1 - wallSeconds / exact.wallSeconds());
        m.put("accuracy_delta_vs_exact", exact == null ? null : testAccuracy - exact.testAccuracy());
        return m;
    }
}

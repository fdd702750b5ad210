package adr.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Wall times of one engine's timed steps, round by round, and the median-round figures
 * reported from them.
 *
 * <p>The median round (by throughput) is the reported figure: a round is long enough to
 * average out per-step jitter, and taking the median of rounds drops a round that a
 * garbage collection or another process happened to hit. With an even round count the
 * lower median is taken, which is the conservative choice.
 *
 * @param engine     what was timed, for tables and errors
 * @param batchSize  images per step
 * @param stepNanos  {@code stepNanos[round][step]}, wall nanoseconds of each step
 */
public record RoundTimes(String engine, int batchSize, long[][] stepNanos) {

    public RoundTimes {
        if (stepNanos.length == 0 || stepNanos[0].length == 0) {
            throw new IllegalArgumentException(engine + ": no timed steps");
        }
    }

    public int rounds() {
        return stepNanos.length;
    }

    /** Images per second of each round: images trained over the sum of its step times. */
    public double[] roundImagesPerSecond() {
        return Arrays.stream(stepNanos)
                .mapToDouble(steps -> (double) steps.length * batchSize / (Arrays.stream(steps).sum() / 1e9))
                .toArray();
    }

    /** Index of the median round by images per second (the lower median for an even count). */
    public int medianRound() {
        double[] ips = roundImagesPerSecond();
        Integer[] byThroughput = IntStream.range(0, ips.length).boxed().toArray(Integer[]::new);
        Arrays.sort(byThroughput, Comparator.comparingDouble(r -> ips[r]));
        return byThroughput[(ips.length - 1) / 2];
    }

    public double imagesPerSecond() {
        return roundImagesPerSecond()[medianRound()];
    }

    /** Mean step time of the median round, in milliseconds. */
    public double msPerStep() {
        long[] steps = stepNanos[medianRound()];
        return Arrays.stream(steps).sum() / 1e6 / steps.length;
    }

    /** The median of all timed steps, in milliseconds: a figure less sensitive to a slow round. */
    public double medianStepMs() {
        long[] all = Arrays.stream(stepNanos).flatMapToLong(Arrays::stream).sorted().toArray();
        int mid = all.length / 2;
        return (all.length % 2 == 1 ? all[mid] : (all[mid - 1] + all[mid]) / 2.0) / 1e6;
    }

    /** Every step's time in milliseconds, round by round (for the JSON record). */
    public double[][] stepMillis() {
        return Arrays.stream(stepNanos)
                .map(steps -> Arrays.stream(steps).mapToDouble(n -> n / 1e6).toArray())
                .toArray(double[][]::new);
    }
}

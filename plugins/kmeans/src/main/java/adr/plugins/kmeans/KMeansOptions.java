package adr.plugins.kmeans;

import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * The validated options of one k-means instance.
 *
 * @param kMode how the number of clusters per group is chosen
 * @param targetRatio clusters per row in {@link KMode#RATIO} mode, in (0, 1]
 * @param init how centroids are seeded when there is nothing to warm-start from
 * @param iterations Lloyd assignment passes per call, at least 1
 * @param warmStart start from the previous call's centroids when the shapes match
 */
record KMeansOptions(KMode kMode, double targetRatio, Init init, int iterations, boolean warmStart) {

    static final int MAX_ITERATIONS = 100;

    enum KMode {
        RATIO("ratio"), FIXED("fixed");

        final String text;

        KMode(String text) {
            this.text = text;
        }
    }

    enum Init {
        KMEANS_PLUS_PLUS("kmeans++"), RANDOM("random");

        final String text;

        Init(String text) {
            this.text = text;
        }
    }

    KMeansOptions {
        if (!(targetRatio > 0 && targetRatio <= 1)) {
            throw new IllegalArgumentException(KMeansFactory.TARGET_RATIO
                    + " must be in (0, 1], got " + targetRatio);
        }
        checkIterations(iterations);
    }

    /** @throws IllegalArgumentException naming the bad key and its allowed values */
    static KMeansOptions from(Config config) {
        KMode kMode = pick(KMeansFactory.K_MODE, config.text(KMeansFactory.K_MODE), KMode.values(), m -> m.text);
        Init init = pick(KMeansFactory.INIT, config.text(KMeansFactory.INIT), Init.values(), i -> i.text);
        long iterations = checkIterations(config.integer(KMeansFactory.ITERATIONS));
        return new KMeansOptions(kMode, config.decimal(KMeansFactory.TARGET_RATIO), init, (int) iterations,
                config.bool(KMeansFactory.WARM_START));
    }

    /**
     * The number of centroids for a group of {@code rows} rows: at least 1, at most
     * {@code setting.maxClusters(rows)}.
     */
    int clusters(int rows, ReuseSetting setting) {
        int max = setting.maxClusters(rows);
        if (kMode == KMode.FIXED) {
            return max;
        }
        long wanted = Math.round(targetRatio * rows);
        return (int) Math.max(1, Math.min(max, wanted));
    }

    private static long checkIterations(long iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(KMeansFactory.ITERATIONS
                    + " must be in 1.." + MAX_ITERATIONS + ", got " + iterations);
        }
        return iterations;
    }

    private static <E> E pick(String key, String value, E[] choices, Function<E, String> text) {
        String given = value.trim().toLowerCase(Locale.ROOT);
        for (E choice : choices) {
            if (text.apply(choice).equals(given)) {
                return choice;
            }
        }
        throw new IllegalArgumentException(key + " must be one of "
                + String.join(", ", Arrays.stream(choices).map(text).toList()) + ", got '" + value + "'");
    }
}

package adr.core.train;

/**
 * The numbers a person watches while a run trains: the smoothed loss (exponential
 * average, weight {@value #SMOOTHING} per step, debiased), images per second of step time in the
 * current epoch, the last learning rate, and where the run is. The console progress line
 * and the metrics endpoint read the same instance, so they always agree. Updated by the
 * training thread; readers on other threads (a scrape) see the latest values.
 */
public final class TrainingPace implements TrainingListener {
    public static final double SMOOTHING = 0.05;

    /**
     * The exponential average started at zero, and the total weight its terms have
     * ({@code 1 - (1 - SMOOTHING)^steps}); their ratio is the smoothed loss. Seeding the
     * average with the first loss instead gave that one step, usually the highest, a weight
     * of {@code (1 - SMOOTHING)^(steps - 1)}: 38% after 20 steps, so a short run's progress
     * line showed a loss above every loss of its current epoch.
     */
    private double average;
    private double weight;
    private volatile double smoothedLoss = Double.NaN;
    private volatile double learningRate = Double.NaN;
    private volatile int epoch;
    private volatile int step;
    private volatile int stepsInEpoch;
    private double epochSeconds;
    private long epochImages;
    private volatile double imagesPerSecond;

    @Override
    public void onEpochStart(int epochNumber, int steps) {
        epoch = epochNumber;
        stepsInEpoch = steps;
        step = 0;
        epochSeconds = 0;
        epochImages = 0;
    }

    @Override
    public void onStep(StepReport s) {
        average += SMOOTHING * (s.loss() - average);
        weight += SMOOTHING * (1 - weight);
        smoothedLoss = average / weight;
        learningRate = s.learningRate();
        epochSeconds += s.seconds();
        epochImages += s.images();
        imagesPerSecond = epochSeconds > 0 ? epochImages / epochSeconds : 0;
        epoch = s.epoch();
        step = s.step();
        stepsInEpoch = s.stepsInEpoch();
    }

    public double smoothedLoss() {
        return smoothedLoss;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Images per second of step time since the current epoch began. */
    public double imagesPerSecond() {
        return imagesPerSecond;
    }

    /** The current epoch, from 1; 0 before the first. */
    public int epoch() {
        return epoch;
    }

    /** Steps done in the current epoch. */
    public int step() {
        return step;
    }

    public int stepsInEpoch() {
        return stepsInEpoch;
    }

    /** Seconds of step time in the current epoch so far. */
    public double epochSeconds() {
        return epochSeconds;
    }
}

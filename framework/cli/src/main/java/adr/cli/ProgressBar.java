package adr.cli;

import adr.core.train.EpochReport;
import adr.core.train.StepReport;
import adr.core.train.TrainingListener;
import adr.core.train.TrainingPace;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with smoothed loss, images/s and ETA, read from the run's
 * {@link TrainingPace} (which must hear each step first; the metrics read it too). On a
 * terminal it redraws in place; otherwise (logs, CI) it prints a line every tenth of an
 * epoch.
 */
final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 28;

    private final PrintStream err;
    private final boolean interactive;
    private final int epochs;
    private final TrainingPace pace;
    private int lastDecile;

    ProgressBar(PrintStream err, boolean interactive, int epochs, TrainingPace pace) {
        this.err = err;
        this.interactive = interactive;
        this.epochs = epochs;
        this.pace = pace;
    }

    @Override
    public void onEpochStart(int epoch, int steps) {
        lastDecile = 0;
    }

    @Override
    public void onStep(StepReport s) {
        int decile = s.step() * 10 / s.stepsInEpoch();
        if (interactive) {
            err.print("\r" + line(s));
            err.flush();
        } else if (decile > lastDecile || s.step() == s.stepsInEpoch()) {
            lastDecile = decile;
            err.println(line(s));
        }
    }

    private String line(StepReport s) {
        int filled = (int) ((long) WIDTH * s.step() / s.stepsInEpoch());
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        double perStep = pace.epochSeconds() / s.step();
        double eta = perStep * (s.stepsInEpoch() - s.step());
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d loss %.4f lr %.4f %.0f img/s ETA %s",
                s.epoch(), epochs, bar, s.step(), s.stepsInEpoch(), pace.smoothedLoss(), pace.learningRate(),
                pace.imagesPerSecond(), duration(eta));
    }

    /** A line for the user between progress updates (a reuse change, a notice). */
    void note(String line) {
        if (interactive) {
            err.print("\r\033[K");
        }
        err.println(line);
    }

    @Override
    public void onEvaluationStart(int epoch) {
        if (interactive) {
            err.println();
        }
        err.println("evaluating on the test set...");
    }

    @Override
    public void onEpochEnd(EpochReport e) {
        String test = e.test() == null ? ""
                : String.format(Locale.ROOT, "  test loss %.4f accuracy %.4f", e.test().loss(), e.test().accuracy());
        err.printf(Locale.ROOT, "epoch %d/%d done in %s: train loss %.4f accuracy %.4f%s%n", e.epoch(), epochs,
                duration(e.trainSeconds()), e.trainLoss(), e.trainAccuracy(), test);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

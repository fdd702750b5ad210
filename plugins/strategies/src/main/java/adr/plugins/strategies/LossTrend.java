package adr.plugins.strategies;

import java.util.List;

/**
 * The smoothed training loss as consecutive windows of {@code window} steps counted back
 * from the newest loss: window 0 holds the last {@code window} losses, window 1 the ones
 * before, and so on. Comparing window means rather than single losses smooths the
 * mini-batch noise.
 */
record LossTrend(List<Double> losses, int window) {

    /** How many complete windows the losses hold. */
    int windows() {
        return losses.size() / window;
    }

    /**
     * The relative change of the mean loss from window {@code back + 1} to window
     * {@code back}: negative when the loss falls, {@code -0.04} for a fall of 4%. Not
     * finite when a loss is not.
     */
    double change(int back) {
        double newer = mean(back);
        double older = mean(back + 1);
        return older == 0 ? newer - older : (newer - older) / Math.abs(older);
    }

    private double mean(int back) {
        int end = losses.size() - back * window;
        double sum = 0;
        for (int i = end - window; i < end; i++) {
            sum += losses.get(i);
        }
        return sum / window;
    }
}

package adr.tracking.events;

import java.util.List;
import java.util.Map;

/**
 * Training progress, written every k steps and at the last step of each epoch.
 *
 * @param loss mean mini-batch loss over the steps since the previous record
 * @param imagesPerSecond over the steps since the previous record
 * @param layers one entry per convolution
 */
public record StepMetrics(int epoch, int step, int stepsInEpoch, long globalStep, double loss,
        double learningRate, double imagesPerSecond, List<LayerMetrics> layers) implements EventPayload {

    /**
     * One convolution at this step.
     *
     * @param mode "exact" or "reuse"
     * @param subVectorLength L, 0 when exact
     * @param hashBits H, 0 when exact
     * @param clusters clusters per group summed over groups in the last step, 0 when exact
     * @param remainingRatio r_c of the last step, 1 when exact
     * @param phaseSeconds seconds per reuse phase in the last step (empty when exact)
     */
    public record LayerMetrics(String layer, String mode, int subVectorLength, int hashBits, long clusters,
            double remainingRatio, Map<String, Double> phaseSeconds) {
    }
}

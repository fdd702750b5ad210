package adr.tracking.projection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a run's metric series, from a {@code StepMetrics} event.
 *
 * @param remainingRatio r_c per convolution, in the model's layer order (1 when the layer was exact)
 */
public record MetricPoint(long globalStep, int epoch, double loss, double learningRate, double imagesPerSecond,
        Map<String, Double> remainingRatio) {

    public MetricPoint {
        remainingRatio = Collections.unmodifiableMap(new LinkedHashMap<>(remainingRatio));
    }
}

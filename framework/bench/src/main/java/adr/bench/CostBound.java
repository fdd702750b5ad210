package adr.bench;

import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;

/**
 * The cost model of DESIGN.md section 1 as a speed-up bound for one layer's forward
 * and backward: exact work is one unit each for the forward, the weight gradient and
 * (unless it is the first layer) the input gradient; reuse costs
 * {@code r_c + H/M + 1/L} for the forward and {@code r_c + 1/L} for each reused
 * gradient, and a full unit for each gradient computed exactly.
 */
final class CostBound {
    private CostBound() {
    }

    static double speedup(double remainingRatio, ReuseSetting s, int outChannels, ReuseScope scope,
            boolean inputGradient) {
        double perCluster = remainingRatio + 1.0 / s.subVectorLength();
        double forward = perCluster + (double) s.hashBits() / outChannels;
        double weights = scope.weightGradient() ? perCluster : 1;
        double input = !inputGradient ? 0 : scope.inputGradient() ? perCluster : 1;
        double exact = inputGradient ? 3 : 2;
        return exact / (forward + weights + input);
    }
}

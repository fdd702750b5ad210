package adr.core.reuse;

import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;

/**
 * How one convolution computes now and what its last reuse step measured.
 *
 * @param setting null when the layer is exact
 * @param lastStats the statistics of the layer's last reuse step, null when exact
 */
public record LayerState(String layer, ReuseSetting setting, ReuseScope scope, ReuseStats lastStats) {

    public static LayerState exact(String layer) {
        return new LayerState(layer, null, ReuseScope.EXACT, null);
    }

    public boolean reusing() {
        return setting != null;
    }
}

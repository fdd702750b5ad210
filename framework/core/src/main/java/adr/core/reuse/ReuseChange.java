package adr.core.reuse;

import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;

/**
 * A layer's reuse configuration changed before {@code step}.
 *
 * @param from the previous setting, null when the layer was exact
 * @param to the new setting, null when the layer is now exact
 */
public record ReuseChange(long step, String layer, ReuseSetting from, ReuseSetting to, ReuseScope scope,
        String reason) {

    @Override
    public String toString() {
        return "step " + step + " " + layer + ": " + (from == null ? "exact" : from) + " -> "
                + (to == null ? "exact" : to) + " (" + reason + ")";
    }
}

package adr.core.reuse;

import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;

/**
 * A layer's reuse configuration changed before {@code step}, or a strategy's setting was
 * not followed (the policy or the batch size kept the layer exact): then both settings
 * are null, and the reason says why.
 *
 * @param from the previous setting, null when the layer was exact
 * @param to the new setting, null when the layer is now exact
 */
public record ReuseChange(long step, String layer, ReuseSetting from, ReuseSetting to, ReuseScope scope,
        String reason) {

    /** As the console and the run summary show it, with what the layer reuses: the policy may keep parts exact. */
    @Override
    public String toString() {
        if (from == null && to == null) {
            return "step " + step + " " + layer + ": stays exact (" + reason + ")";
        }
        return "step " + step + " " + layer + ": " + (from == null ? "exact" : from) + " -> "
                + (to == null ? "exact" : to + " reusing " + scopeLabel(scope)) + " (" + reason + ")";
    }

    /** "exact", or the reused parts joined by '+', e.g. "forward+weights+cache" (the events' spelling). */
    public static String scopeLabel(ReuseScope scope) {
        if (!scope.forward()) {
            return "exact";
        }
        StringBuilder s = new StringBuilder("forward");
        if (scope.weightGradient()) {
            s.append("+weights");
        }
        if (scope.inputGradient()) {
            s.append("+input");
        }
        if (scope.clusterCache()) {
            s.append("+cache");
        }
        return s.toString();
    }
}

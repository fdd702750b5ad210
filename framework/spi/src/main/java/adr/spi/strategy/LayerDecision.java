package adr.spi.strategy;

import adr.spi.reuse.ReuseSetting;

/**
 * A strategy's choice for one layer.
 *
 * @param setting the reuse setting, or null for exact computation
 * @param reason why, in a few words; recorded whenever the setting changes
 */
public record LayerDecision(ReuseSetting setting, String reason) {

    public static LayerDecision exact(String reason) {
        return new LayerDecision(null, reason);
    }
}

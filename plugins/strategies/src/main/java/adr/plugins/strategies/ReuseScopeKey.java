package adr.plugins.strategies;

import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseScope;

/**
 * The {@code reuse} key the scope-setting policies share: what a reused layer reuses,
 * {@code forward}, {@code forward+weights} (the default: exact gradient of the reuse
 * forward, cheap) or {@code all} (also the input gradient, the most approximate).
 */
final class ReuseScopeKey {
    static final ConfigKey KEY = ConfigKey.text("reuse", "forward+weights",
            "what is reused: forward, forward+weights or all (also the input gradient)");

    private ReuseScopeKey() {
    }

    /**
     * The scope a {@code reuse} value names.
     *
     * @throws IllegalArgumentException naming the key and the accepted values (the engine
     *     names the policy before the message)
     */
    static ReuseScope parse(String value) {
        try {
            return ReuseScope.named(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reuse " + e.getMessage(), e);
        }
    }
}

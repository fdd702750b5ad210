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
     * @param policy the policy's name, for the error message
     * @throws IllegalArgumentException naming the key and the accepted values
     */
    static ReuseScope parse(String policy, String value) {
        try {
            return ReuseScope.named(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(policy + " policy: reuse " + e.getMessage(), e);
        }
    }
}

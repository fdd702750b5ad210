package adr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys of {@code bench train --strategy-options} that no listed strategy reads. One
 * flag serves several strategies, so each key names its strategy
 * ({@code adaptive.max-error=0.4}), as {@code --sink-options} names its sink;
 * {@link adr.core.plugins.NamedOptions} gives each strategy its own keys, which the
 * strategy then checks as {@code ./adr train --strategy-options} does.
 */
final class StrategyOptions {
    private StrategyOptions() {
    }

    /** One problem per key no listed strategy reads: no strategy name, one not listed, or exact's. */
    static List<String> strays(List<String> strategies, Map<String, String> options) {
        List<String> problems = new ArrayList<>();
        for (String key : options.keySet()) {
            String strategy = key.substring(0, Math.max(0, key.indexOf('.')));
            if (strategy.isEmpty()) {
                problems.add("--strategy-options " + key + ": expected STRATEGY.KEY=VALUE, for example "
                        + "adaptive.max-error=0.4");
            } else if (!strategies.contains(strategy)) {
                problems.add("--strategy-options " + key + " is for strategy '" + strategy + "', which --strategies"
                        + " does not list; add it or drop the option");
            } else if (strategy.equals("exact")) {
                problems.add("--strategy-options " + key + ": the exact strategy takes no options");
            }
        }
        return problems;
    }
}

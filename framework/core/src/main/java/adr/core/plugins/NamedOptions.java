package adr.core.plugins;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options for several plugins in one flag, each key after its plugin's name and a dot
 * ({@code --sink-options lines.path=/tmp/e.log}, {@code bench train --strategy-options
 * adaptive.max-error=0.4}).
 */
public final class NamedOptions {
    private NamedOptions() {
    }

    /** The options whose key starts with {@code name.}, without that prefix, in the order given. */
    public static <V> Map<String, V> of(String name, Map<String, ? extends V> options) {
        Map<String, V> own = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (key.startsWith(name + ".")) {
                own.put(key.substring(name.length() + 1), value);
            }
        });
        return own;
    }
}

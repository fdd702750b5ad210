package adr.spi.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolved, validated values for one factory: every declared key has a value (given
 * or default). Immutable.
 */
public final class Config {
    private final Map<String, Object> values;

    private Config(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Resolves {@code given} raw values against {@code keys}; problems are added to
     * {@code errors} prefixed with {@code owner} (for example {@code "clustering lsh"}).
     */
    public static Config resolve(String owner, List<ConfigKey> keys, Map<String, ?> given, List<String> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            values.put(key.name(), key.defaultValue());
        }
        for (var entry : given.entrySet()) {
            ConfigKey key = keys.stream().filter(k -> k.name().equals(entry.getKey())).findFirst().orElse(null);
            if (key == null) {
                errors.add(owner + ": unknown key '" + entry.getKey() + "'; known: "
                        + String.join(", ", keys.stream().map(ConfigKey::name).toList()));
                continue;
            }
            try {
                values.put(key.name(), key.type().parse(entry.getValue()));
            } catch (IllegalArgumentException e) {
                errors.add(owner + ": " + key.name() + ": " + e.getMessage());
            }
        }
        return new Config(values);
    }

    /** The defaults of every key. */
    public static Config defaults(List<ConfigKey> keys) {
        return resolve("defaults", keys, Map.of(), new java.util.ArrayList<>());
    }

    public long integer(String key) {
        return (Long) require(key);
    }

    public double decimal(String key) {
        return (Double) require(key);
    }

    public String text(String key) {
        return (String) require(key);
    }

    public boolean bool(String key) {
        return (Boolean) require(key);
    }

    /** Every value by key, for provenance records. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no configuration key '" + key + "' was declared");
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package adr.spi.config;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolved, validated values for one factory: every declared key has a value (given
 * or default), and {@link #isGiven} tells which were given. Immutable.
 */
public final class Config {
    private final Map<String, Object> values;
    private final Set<String> given;

    private Config(Map<String, Object> values, Set<String> given) {
        this.values = Collections.unmodifiableMap(values);
        this.given = Set.copyOf(given);
    }

    /**
     * Resolves {@code given} raw values against {@code keys}; problems are added to
     * {@code errors} prefixed with {@code owner} (for example {@code "clustering lsh"}).
     */
    public static Config resolve(String owner, List<ConfigKey> keys, Map<String, ?> given, List<String> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> valid = new HashSet<>();
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
                valid.add(key.name());
            } catch (IllegalArgumentException e) {
                errors.add(owner + ": " + key.name() + ": " + e.getMessage());
            }
        }
        return new Config(values, valid);
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

    /**
     * Whether the user gave {@code key} rather than leaving its default, for a factory
     * that refuses a key which does nothing with the others' values.
     *
     * @since SPI 1.6
     */
    public boolean isGiven(String key) {
        require(key);
        return given.contains(key);
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

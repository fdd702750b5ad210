package adr.spi.config;

import java.util.Objects;

/**
 * One configuration key a factory accepts: its name, type, default and meaning. The
 * engine validates values against these declarations before training starts and
 * reports every problem at once.
 *
 * @param name the key, lower-case with dashes, for example {@code "bucket-width"}
 * @param type the value type
 * @param defaultValue the value when none is given (of the type's Java class), never null
 * @param doc one line for {@code adr plugins} and error messages
 */
public record ConfigKey(String name, ConfigType type, Object defaultValue, String doc) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue of " + name);
        if (!type.javaType().isInstance(defaultValue)) {
            throw new IllegalArgumentException("default of " + name + " is not " + type);
        }
    }

    public static ConfigKey integer(String name, long defaultValue, String doc) {
        return new ConfigKey(name, ConfigType.INTEGER, defaultValue, doc);
    }

    public static ConfigKey decimal(String name, double defaultValue, String doc) {
        return new ConfigKey(name, ConfigType.DECIMAL, defaultValue, doc);
    }

    public static ConfigKey text(String name, String defaultValue, String doc) {
        return new ConfigKey(name, ConfigType.TEXT, defaultValue, doc);
    }

    public static ConfigKey bool(String name, boolean defaultValue, String doc) {
        return new ConfigKey(name, ConfigType.BOOLEAN, defaultValue, doc);
    }
}

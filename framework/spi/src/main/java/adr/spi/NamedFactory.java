package adr.spi;

import adr.spi.config.ConfigKey;
import java.util.List;

/**
 * What every factory a plugin offers has in common: a unique name within its kind,
 * one line of description, and the configuration keys it accepts.
 */
public interface NamedFactory {

    /** Unique within its kind, lower-case with dashes, for example {@code "lsh"}. */
    String name();

    /** One line for {@code adr plugins}. */
    String description();

    /** The keys its configuration accepts; the engine validates values before training. */
    default List<ConfigKey> configKeys() {
        return List.of();
    }
}

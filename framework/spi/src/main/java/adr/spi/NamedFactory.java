package adr.spi;

import adr.spi.config.ConfigKey;
import java.util.List;

/**
 * What every factory a plugin offers has in common: a unique name within its kind,
 * one line of description, and the configuration keys it accepts.
 *
 * <p>A factory whose {@code create} cannot work with the values it was given (each of
 * the right type: the engine checked that) throws {@link IllegalArgumentException} with
 * a one-line message naming the key, the value and what it must be, for example
 * {@code "width must be > 0, got -1.0"}. The engine reports it before training, with
 * the factory's kind and name in front ({@code "clustering mean-bucket: width must ..."})
 * and together with every other problem of the run.
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

package adr.plugins.lsh;

import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import java.util.List;
import java.util.Locale;

/**
 * The {@code lsh} factory's validated configuration.
 *
 * @param variant how a projection becomes part of the code
 * @param bucketWidth {@code w} of the quantized variant, in units of the group's RMS
 *     projection (ignored by the sign variant)
 */
record LshOptions(Variant variant, double bucketWidth) {
    static final String VARIANT = "variant";
    static final String BUCKET_WIDTH = "bucket-width";

    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.text(VARIANT, "quantized",
                    "sign (random-hyperplane bits, ignores magnitude) or quantized (floor((x.r + b) / w),"
                            + " separates norms)"),
            ConfigKey.decimal(BUCKET_WIDTH, 0.5,
                    "quantized only: w as a multiple of the group's RMS projection (~ RMS sub-vector norm), > 0; "
                            + "widened per group until at most 2^H clusters"));

    /** How a projection {@code x·r} becomes one component of a sub-vector's code. */
    enum Variant {
        /** One bit, {@code x·r > 0} (Charikar's random hyperplanes). */
        SIGN,
        /** {@code floor((x·r + b) / w)} (Datar et al.'s p-stable LSH). */
        QUANTIZED
    }

    LshOptions {
        if (!(bucketWidth > 0) || Double.isInfinite(bucketWidth)) {
            throw new IllegalArgumentException(BUCKET_WIDTH + " must be a positive number, got " + bucketWidth);
        }
    }

    /** @throws IllegalArgumentException naming the bad key and what it accepts */
    static LshOptions from(Config config) {
        String name = config.text(VARIANT);
        Variant variant = switch (name.toLowerCase(Locale.ROOT)) {
            case "sign" -> Variant.SIGN;
            case "quantized" -> Variant.QUANTIZED;
            default -> throw new IllegalArgumentException(
                    VARIANT + " must be sign or quantized, got '" + name + "'");
        };
        if (variant == Variant.SIGN && config.isGiven(BUCKET_WIDTH)) {
            // sign bits have no width: a given one would be recorded with the run but change nothing
            throw new IllegalArgumentException(BUCKET_WIDTH + " applies to variant=quantized only, got it with "
                    + "variant=sign; drop " + BUCKET_WIDTH + " or use variant=quantized");
        }
        return new LshOptions(variant, config.decimal(BUCKET_WIDTH));
    }
}

package adr.cli.runs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** How values read in tables: fixed decimals, UTC times to the second, a dash for unknown. */
final class Cells {
    static final String NONE = "-";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Cells() {
    }

    static String time(Instant time) {
        return time == null ? NONE : TIME.format(time);
    }

    /** {@code value} with {@code decimals} digits after the point, then {@code unit} (may be empty). */
    static String number(OptionalDouble value, int decimals, String unit) {
        return value.isPresent() ? number(value.getAsDouble(), decimals, unit) : NONE;
    }

    static String number(double value, int decimals, String unit) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value) + unit;
    }

    static String percent(OptionalDouble fraction) {
        return fraction.isPresent() ? number(100 * fraction.getAsDouble(), 1, "%") : NONE;
    }

    /** The value for JSON: null when unknown. */
    static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}

package adr.tracking.metrics;

import java.util.List;

/**
 * One meter of the catalog: its Micrometer name (dotted), kind, base unit, description
 * and tag keys, and the series names Prometheus shows for it.
 *
 * @param baseUnit Micrometer's base unit, or null for a plain number; Prometheus names
 *     carry it as a suffix
 */
public record MeterSpec(String name, Kind kind, String baseUnit, String description, List<String> tags) {

    /** The Micrometer meter types the catalog uses. */
    public enum Kind { COUNTER, GAUGE, TIMER }

    public MeterSpec {
        tags = List.copyOf(tags);
    }

    /** The Prometheus base name: dots to underscores, then the unit unless the name ends with it. */
    public String prometheusName() {
        String base = name.replace('.', '_');
        return baseUnit == null || base.endsWith("_" + baseUnit) ? base : base + "_" + baseUnit;
    }

    /** Every series name Prometheus exposes for this meter. */
    public List<String> prometheusSeries() {
        String base = prometheusName();
        return switch (kind) {
            case COUNTER -> List.of(base + "_total");
            case GAUGE -> List.of(base);
            case TIMER -> List.of(base + "_count", base + "_sum", base + "_max");
        };
    }
}

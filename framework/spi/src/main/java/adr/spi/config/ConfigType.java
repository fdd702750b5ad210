package adr.spi.config;

/** The value types a configuration key can have, with their Java classes. */
public enum ConfigType {
    INTEGER(Long.class),
    DECIMAL(Double.class),
    TEXT(String.class),
    BOOLEAN(Boolean.class);

    private final Class<?> javaType;

    ConfigType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Converts a raw value (a YAML scalar or flag text) to this type.
     *
     * @throws IllegalArgumentException naming the expected type
     */
    public Object parse(Object raw) {
        String text = String.valueOf(raw).trim();
        try {
            return switch (this) {
                case INTEGER -> raw instanceof Number n && n.doubleValue() == n.longValue() ? n.longValue()
                        : Long.parseLong(text);
                case DECIMAL -> raw instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
                case TEXT -> text;
                case BOOLEAN -> {
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException(text);
                    }
                    yield Boolean.parseBoolean(text);
                }
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected " + describe() + ", got '" + text + "'", e);
        }
    }

    public String describe() {
        return switch (this) {
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
            case TEXT -> "text";
            case BOOLEAN -> "true or false";
        };
    }
}

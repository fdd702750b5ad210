package adr.spi;

/**
 * The version of the plugin contract. A plugin records the version it was compiled
 * against; the engine refuses plugins whose major version differs from its own.
 */
public record SpiVersion(int major, int minor) {
    /** The version this artifact defines. */
    public static final SpiVersion CURRENT = new SpiVersion(0, 1);

    public boolean compatibleWith(SpiVersion other) {
        return major == other.major;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}

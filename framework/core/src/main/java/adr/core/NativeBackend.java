package adr.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Selects the ND4J native library that the build packaged.
 *
 * <p>JavaCPP loads a native build variant (for example {@code -onednn-avx2}) only when
 * the system property {@value #EXTENSION_PROPERTY} names it. The build records its
 * choice in {@code adr/core/native.properties}; {@link #select()} copies it into that
 * property unless the user already set one. Call it before the first ND4J use.
 */
public final class NativeBackend {
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private NativeBackend() {
    }

    /** Sets the platform extension from the packaged build choice; returns the classifier in use. */
    public static String select() {
        Properties packaged = packaged();
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            System.setProperty(EXTENSION_PROPERTY, packaged.getProperty("extension", ""));
        }
        return packaged.getProperty("classifier", "linux-x86_64");
    }

    private static Properties packaged() {
        Properties properties = new Properties();
        try (InputStream in = NativeBackend.class.getResourceAsStream("native.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read adr/core/native.properties", e);
        }
        return properties;
    }
}

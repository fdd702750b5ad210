package adr.core.plugins;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * The class loader of one plugin jar (Trino's model). It sees three things:
 * <ul>
 *   <li>the shared packages {@code adr.spi} and {@code org.nd4j}, always from the
 *       application class loader, so the plugin's {@code Plugin} is the engine's
 *       {@code Plugin} and ND4J's classes and natives exist once;</li>
 *   <li>the JDK, through the platform class loader (its parent);</li>
 *   <li>its own jar, for everything else.</li>
 * </ul>
 * Nothing else on the application class path is visible, so two plugins can bundle
 * different versions of one library, and a plugin cannot come to depend by accident
 * on a library the engine happens to ship.
 */
final class PluginClassLoader extends URLClassLoader {
    /** Package prefixes loaded parent-first from the application class loader. */
    static final List<String> SHARED_PACKAGES = List.of("adr.spi.", "org.nd4j.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader applicationLoader;

    PluginClassLoader(String name, URL jar, ClassLoader applicationLoader) {
        super(name, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.applicationLoader = applicationLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return applicationLoader.loadClass(name);
        }
        // Parent first means the JDK first (the parent is the platform loader); then this jar.
        return super.loadClass(name, resolve);
    }

    static boolean isShared(String className) {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

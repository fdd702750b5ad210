package adr.core.plugins;

import adr.spi.Plugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds plugins with {@link ServiceLoader}: on the application class path (the
 * built-ins, source "classpath"), and in a plugins directory, where every {@code *.jar}
 * directly inside gets its own {@link PluginClassLoader}. Subdirectories and other
 * files are ignored.
 *
 * <p>The default directory is {@value #DEFAULT_DIRECTORY_NAME} relative to the working
 * directory; it may be missing (then only class-path plugins load). A directory given
 * explicitly must exist.
 *
 * <p>Loading never stops at the first problem: every broken jar, failing provider,
 * incompatible SPI version and duplicate name is collected, and {@link PluginException}
 * reports them all at once.
 */
public final class PluginLoader {
    public static final String DEFAULT_DIRECTORY_NAME = "plugins";

    /** {@code ./plugins}, resolved against the working directory when used. */
    public static final Path DEFAULT_DIRECTORY = Path.of(DEFAULT_DIRECTORY_NAME);

    static final String SERVICE_FILE = "META-INF/services/" + Plugin.class.getName();

    /** Guards against a service iterator that keeps failing on the same entry. */
    private static final int MAX_PROVIDERS_PER_SOURCE = 1000;

    private final ClassLoader applicationLoader;

    /** Loads class-path plugins from, and shares the SPI through, the loader of ADR itself. */
    public PluginLoader() {
        this(PluginLoader.class.getClassLoader());
    }

    /** @param applicationLoader scanned for class-path plugins; plugin jars get {@code adr.spi} from it */
    public PluginLoader(ClassLoader applicationLoader) {
        this.applicationLoader = applicationLoader;
    }

    /** Class-path plugins and the jars in {@code ./plugins}, if that directory exists. */
    public PluginRegistry loadDefault() {
        return load(DEFAULT_DIRECTORY, false);
    }

    /** Class-path plugins and the jars in {@code directory}, which must exist. */
    public PluginRegistry load(Path directory) {
        return load(directory, true);
    }

    PluginRegistry load(Path directory, boolean required) {
        RegistryBuilder builder = new RegistryBuilder();
        List<URLClassLoader> jarLoaders = new ArrayList<>();
        loadProviders(applicationLoader, PluginProvenance.CLASSPATH, builder);
        for (Path jar : jarsIn(directory, required, builder)) {
            loadJar(jar, builder, jarLoaders);
        }
        try {
            return builder.build();
        } catch (PluginException e) {
            for (URLClassLoader loader : jarLoaders) {
                try {
                    loader.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static List<Path> jarsIn(Path directory, boolean required, RegistryBuilder builder) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            if (required) {
                builder.problem(absolute + ": plugins directory does not exist; create it or give an existing one");
            }
            return List.of();
        }
        if (!Files.isDirectory(absolute)) {
            builder.problem(absolute + ": not a directory; the plugins directory must hold the plugin jars");
            return List.of();
        }
        try (Stream<Path> files = Files.list(absolute)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            builder.problem(absolute + ": cannot list the plugins directory (" + e.getMessage()
                    + "); check its permissions");
            return List.of();
        }
    }

    private void loadJar(Path jar, RegistryBuilder builder, List<URLClassLoader> jarLoaders) {
        String source = jar.toString();
        String noProvider = source + " contains no adr.spi.Plugin provider; add " + SERVICE_FILE
                + " listing your Plugin class";
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(SERVICE_FILE) == null) {
                builder.problem(noProvider);
                return;
            }
        } catch (IOException e) {
            builder.problem(source + ": not a readable jar (" + e.getMessage() + "); replace it with a plugin jar");
            return;
        }
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader("adr-plugin:" + jar.getFileName(), jar.toUri().toURL(), applicationLoader);
        } catch (MalformedURLException e) {
            builder.problem(source + ": cannot form a class path URL (" + e.getMessage() + "); rename the jar");
            return;
        }
        jarLoaders.add(loader);
        if (loadProviders(loader, source, builder) == 0) {
            builder.problem(noProvider);
        }
    }

    /**
     * Instantiates every provider {@code loader} finds and hands it to the builder; a
     * provider that fails is a problem, and the search goes on. The thread's context
     * class loader is the plugin's own while its code runs, as libraries expect.
     *
     * @return how many providers were listed, whether they loaded or not
     */
    private static int loadProviders(ClassLoader loader, String source, RegistryBuilder builder) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        int listed = 0;
        try {
            Iterator<Plugin> providers = ServiceLoader.load(Plugin.class, loader).iterator();
            while (listed < MAX_PROVIDERS_PER_SOURCE) {
                Plugin plugin;
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    plugin = providers.next();
                } catch (ServiceConfigurationError | LinkageError e) {
                    listed++;
                    builder.problem(source + ": a plugin provider failed to load: " + describe(e) + "; check that "
                            + SERVICE_FILE + " names a public class implementing adr.spi.Plugin with a public"
                            + " no-argument constructor, and that the jar bundles the libraries it needs");
                    continue;
                }
                listed++;
                builder.add(plugin, source);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return listed;
    }

    /** The error and its causes on one line. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e instanceof ServiceConfigurationError ? e.getMessage() : e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" (caused by ").append(cause).append(')');
        }
        return text.toString();
    }
}

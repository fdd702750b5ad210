package adr.core.plugins;

import adr.spi.Plugin;
import adr.spi.SpiVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars at test time: compiles Java sources against adr-spi with the
 * system compiler and packs the classes with a {@code META-INF/services/adr.spi.Plugin}
 * file. Public so other modules' tests (the CLI) can build plugins too.
 */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Sources of a plugin {@code pkg.TestPlugin} with one clustering factory {@code pkg.TestClustering}
     * named {@code clusteringName}. Its algorithm puts row {@code r} of every group in
     * cluster {@code r % clusters}, where {@code clusters} is a config key (default 2).
     *
     * @param descriptionExpression a Java expression for the factory's description
     */
    public static Map<String, String> plugin(String pkg, String id, int spiMajor, String clusteringName,
            String descriptionExpression) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(pkg + ".TestPlugin", """
                package %1$s;
                import adr.spi.*;
                import adr.spi.clustering.ClusteringFactory;
                import java.util.List;
                public final class TestPlugin implements Plugin {
                    public String id() { return "%2$s"; }
                    public String version() { return "1.2.3"; }
                    public SpiVersion spiVersion() { return new SpiVersion(%3$d, 0); }
                    public List<ClusteringFactory> clustering() { return List.of(new TestClustering()); }
                }
                """.formatted(pkg, id, spiMajor));
        sources.put(pkg + ".TestClustering", """
                package %1$s;
                import adr.spi.LayerShape;
                import adr.spi.clustering.*;
                import adr.spi.config.*;
                import adr.spi.reuse.ReuseSetting;
                import java.util.List;
                public final class TestClustering implements ClusteringFactory {
                    public String name() { return "%2$s"; }
                    public String description() { return %3$s; }
                    public List<ConfigKey> configKeys() {
                        return List.of(ConfigKey.integer("clusters", 2, "clusters per group"));
                    }
                    public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config,
                            long seed) {
                        int k = (int) config.integer("clusters");
                        return (input, out) -> {
                            for (int g = 0; g < out.groups(); g++) {
                                int[] ids = out.ids(g);
                                for (int r = 0; r < ids.length; r++) {
                                    ids[r] = r %% k;
                                }
                                out.setCount(g, Math.min(k, ids.length));
                            }
                        };
                    }
                }
                """.formatted(pkg, clusteringName, descriptionExpression));
        return sources;
    }

    /** {@link #plugin(String, String, int, String, String)} with a plain description. */
    public static Map<String, String> plugin(String pkg, String id, int spiMajor, String clusteringName) {
        return plugin(pkg, id, spiMajor, clusteringName, "\"test clustering " + clusteringName + "\"");
    }

    /** A jar of a good plugin built against this SPI. */
    public static Path goodPlugin(Path dir, String jarName, String pkg, String id, String clusteringName) {
        return jar(dir, jarName, plugin(pkg, id, SpiVersion.MAJOR, clusteringName), List.of(pkg + ".TestPlugin"));
    }

    /**
     * Compiles {@code sources} (class name to source text) and writes {@code dir/jarName}
     * with the classes and, unless {@code providers} is empty, a services file listing them.
     */
    public static Path jar(Path dir, String jarName, Map<String, String> sources, List<String> providers) {
        Path work = null;
        try {
            work = Files.createTempDirectory("adr-test-plugin-");
            Path classes = compile(work, sources);
            Files.createDirectories(dir);
            Path jar = dir.resolve(jarName);
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest);
                    Stream<Path> walk = Files.walk(classes)) {
                for (Path cls : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(cls).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(cls));
                    out.closeEntry();
                }
                if (!providers.isEmpty()) {
                    out.putNextEntry(new JarEntry(PluginLoader.SERVICE_FILE));
                    out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void deleteRecursively(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path compile(Path work, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<Path> files = new ArrayList<>();
        if (sources.isEmpty()) {
            return classes;
        }
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, source.getValue()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                    "-classpath", spiClassPath());
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
                    .call();
            if (!ok) {
                throw new IllegalStateException("test plugin does not compile: " + diagnostics.getDiagnostics());
            }
        }
        return classes;
    }

    /** Where adr-spi's classes are (a jar or a classes directory): all a plugin compiles against. */
    private static String spiClassPath() {
        try {
            return Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

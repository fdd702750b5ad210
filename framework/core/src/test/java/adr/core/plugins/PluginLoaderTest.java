package adr.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import adr.spi.LayerShape;
import adr.spi.Plugin;
import adr.spi.SpiVersion;
import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading real plugin jars, compiled and packed at test time, from a plugins directory. */
class PluginLoaderTest {
    private static final String NO_PROVIDER = " contains no adr.spi.Plugin provider; add "
            + "META-INF/services/adr.spi.Plugin listing your Plugin class";

    @TempDir
    Path tmp;

    private final PluginLoader loader = new PluginLoader();

    private Path plugins() {
        return tmp.resolve("plugins");
    }

    @Test
    void aGoodPluginIsFoundInItsJarWithItsOwnClassLoader() {
        Path jar = PluginJars.goodPlugin(plugins(), "good.jar", "good", "good-plugin", "modulo");

        PluginRegistry registry = loader.load(plugins());

        ClusteringFactory factory = registry.clustering().get("modulo");
        assertThat(factory).isNotNull();
        assertThat(factory.getClass().getName()).isEqualTo("good.TestClustering");
        assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class)
                .isNotSameAs(PluginLoaderTest.class.getClassLoader());
        assertThat(registry.provenance(PluginKind.CLUSTERING, "modulo")).contains(new PluginProvenance(
                "good-plugin", "1.2.3", new SpiVersion(SpiVersion.MAJOR, 0), jar.toAbsolutePath().toString()));
        assertThat(registry.plugins()).extracting(PluginProvenance::pluginId).contains("good-plugin");

        List<String> errors = new ArrayList<>();
        Config config = Config.resolve("clustering modulo", factory.configKeys(), Map.of("clusters", 3), errors);
        Assignments out = new Assignments(2, 5);
        factory.create(new LayerShape("conv1", 1, 4, 3, 1, 1), new ReuseSetting(3, 4), config, 7L).cluster(null, out);
        assertThat(errors).isEmpty();
        assertThat(out.ids(1)).containsExactly(0, 1, 2, 0, 1);
        assertThat(out.count(0)).isEqualTo(3);
    }

    @Test
    void infoRowsDescribeEveryFactoryWithItsJar() {
        Path jar = PluginJars.goodPlugin(plugins(), "good.jar", "good", "good-plugin", "modulo");

        List<PluginInfo> rows = loader.load(plugins()).infos();

        assertThat(rows).filteredOn(r -> r.name().equals("modulo")).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(PluginKind.CLUSTERING);
            assertThat(row.pluginId()).isEqualTo("good-plugin");
            assertThat(row.version()).isEqualTo("1.2.3");
            assertThat(row.source()).isEqualTo(jar.toAbsolutePath().toString());
            assertThat(row.description()).isEqualTo("test clustering modulo");
            assertThat(row.configKeys()).extracting(k -> k.name()).containsExactly("clusters");
        });
    }

    @Test
    void eachJarBundlesItsOwnVersionOfALibrary() {
        for (String v : List.of("1", "2")) {
            Map<String, String> sources = new LinkedHashMap<>(PluginJars.plugin("p" + v, "plugin-" + v,
                    SpiVersion.MAJOR, "uses-lib-" + v, "\"helper \" + lib.Helper.version()"));
            sources.put("lib.Helper", "package lib; public final class Helper {"
                    + " public static String version() { return \"" + v + "\"; } }");
            PluginJars.jar(plugins(), "plugin-" + v + ".jar", sources, List.of("p" + v + ".TestPlugin"));
        }

        PluginRegistry registry = loader.load(plugins());

        assertThat(registry.clustering().get("uses-lib-1").description()).isEqualTo("helper 1");
        assertThat(registry.clustering().get("uses-lib-2").description()).isEqualTo("helper 2");
        assertThat(registry.clustering().get("uses-lib-1").getClass().getClassLoader())
                .isNotSameAs(registry.clustering().get("uses-lib-2").getClass().getClassLoader());
    }

    @Test
    void aPluginClassLoaderSharesOnlyTheSpiNd4jAndTheJdk() throws Exception {
        ClassLoader app = PluginLoaderTest.class.getClassLoader();
        try (PluginClassLoader jarLoader = new PluginClassLoader("t", tmp.resolve("none.jar").toUri().toURL(), app)) {
            assertThat(jarLoader.loadClass(Plugin.class.getName())).isSameAs(Plugin.class);
            assertThat(jarLoader.loadClass(ClusteringFactory.class.getName())).isSameAs(ClusteringFactory.class);
            String nd4j = "org.nd4j.linalg.api.ndarray.INDArray";
            assertThat(jarLoader.loadClass(nd4j)).isSameAs(Class.forName(nd4j, false, app));
            assertThat(jarLoader.loadClass("java.util.List")).isSameAs(List.class);
            assertThatThrownBy(() -> jarLoader.loadClass(PluginLoader.class.getName()))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> jarLoader.loadClass("com.google.inject.Injector"))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void aJarWithoutAProviderIsReported() {
        Path jar = PluginJars.jar(plugins(), "empty.jar", PluginJars.plugin("e", "e", SpiVersion.MAJOR, "e"),
                List.of());

        PluginException e = catchThrowableOfType(PluginException.class, () -> loader.load(plugins()));

        assertThat(e.problems()).containsExactly(jar.toAbsolutePath() + NO_PROVIDER);
    }

    @Test
    void anIncompatibleSpiMajorVersionIsReported() {
        Path jar = PluginJars.jar(plugins(), "future.jar", PluginJars.plugin("f", "future", 99, "f"),
                List.of("f.TestPlugin"));

        PluginException e = catchThrowableOfType(PluginException.class, () -> loader.load(plugins()));

        assertThat(e.problems()).containsExactly("plugin 'future' (jar " + jar.toAbsolutePath()
                + ") was built for SPI 99.0, this ADR has SPI " + SpiVersion.CURRENT + "; rebuild it against adr-spi "
                + SpiVersion.CURRENT);
    }

    @Test
    void twoJarsOfferingTheSameClusteringNameAreBothNamed() {
        Path a = PluginJars.goodPlugin(plugins(), "a.jar", "a", "alpha", "same");
        Path b = PluginJars.goodPlugin(plugins(), "b.jar", "b", "beta", "same");

        PluginException e = catchThrowableOfType(PluginException.class, () -> loader.load(plugins()));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("clustering name 'same' is offered by 2 plugins: ")
                .contains("plugin 'alpha' 1.2.3 (jar " + a.toAbsolutePath() + ")")
                .contains("plugin 'beta' 1.2.3 (jar " + b.toAbsolutePath() + ")")
                .endsWith("; remove all but one of these plugins or rename the factories");
    }

    @Test
    void providersThatCannotBeLoadedOrInstantiatedAreReported() {
        Path jar = PluginJars.jar(plugins(), "broken.jar", Map.of("x.Broken", """
                package x;
                public final class Broken implements adr.spi.Plugin {
                    public Broken() { throw new IllegalStateException("no licence key"); }
                    public String id() { return "broken"; }
                    public String version() { return "1"; }
                    public adr.spi.SpiVersion spiVersion() { return adr.spi.SpiVersion.CURRENT; }
                }
                """), List.of("x.Broken", "x.Missing"));

        PluginException e = catchThrowableOfType(PluginException.class, () -> loader.load(plugins()));

        assertThat(e.problems()).hasSize(2).allSatisfy(p -> assertThat(p)
                .startsWith(jar.toAbsolutePath() + ": a plugin provider failed to load: ")
                .contains("public no-argument constructor"));
        assertThat(e.problems().get(0)).contains("x.Broken could not be instantiated").contains("no licence key");
        assertThat(e.problems().get(1)).contains("x.Missing not found");
    }

    @Test
    void everyProblemIsReportedTogether() throws Exception {
        PluginJars.goodPlugin(plugins(), "a-ok.jar", "ok", "ok", "fine");
        Path empty = PluginJars.jar(plugins(), "b-empty.jar", PluginJars.plugin("e", "e", 1, "e"), List.of());
        Path future = PluginJars.jar(plugins(), "c-future.jar", PluginJars.plugin("f", "future", 2, "f"),
                List.of("f.TestPlugin"));
        PluginJars.goodPlugin(plugins(), "d-dup1.jar", "d1", "dup-one", "twin");
        PluginJars.goodPlugin(plugins(), "d-dup2.jar", "d2", "dup-two", "twin");
        Path garbage = Files.writeString(plugins().resolve("e-garbage.jar"), "not a zip file");
        Path missing = PluginJars.jar(plugins(), "f-missing.jar", Map.of(), List.of("gone.Plugin"));
        Files.createDirectories(plugins().resolve("subdirectory-is-ignored.jar"));
        Files.writeString(plugins().resolve("README.txt"), "not a jar, ignored");

        PluginException e = catchThrowableOfType(PluginException.class, () -> loader.load(plugins()));

        assertThat(e.problems()).hasSize(5);
        assertThat(e.getMessage()).startsWith("5 plugin problems:\n  ")
                .contains(empty.toAbsolutePath() + NO_PROVIDER)
                .contains("plugin 'future' (jar " + future.toAbsolutePath() + ") was built for SPI 2.0")
                .contains("clustering name 'twin' is offered by 2 plugins: plugin 'dup-one'")
                .contains(garbage.toAbsolutePath() + ": not a readable jar")
                .contains(missing.toAbsolutePath() + ": a plugin provider failed to load: ")
                .doesNotContain("subdirectory-is-ignored").doesNotContain("README");
    }

    @Test
    void aMissingExplicitDirectoryIsAnErrorButAMissingDefaultIsNot() {
        Path absent = tmp.resolve("absent");

        assertThatThrownBy(() -> loader.load(absent)).isInstanceOf(PluginException.class)
                .hasMessage(absent.toAbsolutePath() + ": plugins directory does not exist; create it or give an"
                        + " existing one");
        assertThat(loader.load(absent, false).plugins()).allSatisfy(p -> assertThat(p.fromClasspath()).isTrue());
    }

    @Test
    void theDefaultDirectoryIsPluginsUnderTheWorkingDirectory() {
        assertThat(PluginLoader.DEFAULT_DIRECTORY).isEqualTo(Path.of("plugins"));
        assertThat(PluginLoader.DEFAULT_DIRECTORY.isAbsolute()).isFalse();
    }
}

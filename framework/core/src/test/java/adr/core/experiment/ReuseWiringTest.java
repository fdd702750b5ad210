package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import adr.core.data.Augmentation;
import adr.core.plugins.PluginException;
import adr.core.plugins.PluginJars;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's plugin problems are reported together before training starts, whatever their kind. */
class ReuseWiringTest {

    @Test
    void aBrokenJarAndAnUnknownNameAreReportedTogether(@TempDir Path plugins) {
        PluginJars.jar(plugins, "no-provider.jar", PluginJars.plugin("t.none", "none", 1, "unused"), List.of());
        PluginJars.goodPlugin(plugins, "good.jar", "t.good", "good", "tc");
        ReuseConfig reuse = new ReuseConfig("fixed", "auto", "nope", 25, 8, plugins, java.util.Map.of());

        PluginException e = catchThrowableOfType(() -> ReuseWiring.prepare(reuse, Augmentation.NONE, "cifarnet"),
                PluginException.class);

        assertThat(e.problems().get(0)).contains("no-provider.jar").contains("contains no adr.spi.Plugin provider");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown clustering 'nope'")
                .contains("tc"));
    }

    @Test
    void aClusterCacheWithAugmentationIsRefusedNamingBothAndTheFix(@TempDir Path plugins) {
        PluginJars.jar(plugins, "caching.jar", cachingPlugin(), List.of("t.cache.TestPlugin"));
        ReuseConfig reuse = new ReuseConfig("fixed", "caching", "c", 25, 8, plugins,
                java.util.Map.of("policy", java.util.Map.of("cache", "first-layer")));

        PluginException e = catchThrowableOfType(
                () -> ReuseWiring.prepare(reuse, new Augmentation(4, true), "cifarnet"), PluginException.class);

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p)
                .isEqualTo("policy caching: the cluster cache (--policy-options cache=first-layer) reuses each "
                        + "image's clusters across epochs, but augmentation (--crop-padding 4 --flip true) changes "
                        + "the images every epoch; set --crop-padding 0 --flip false, or turn the cache off with "
                        + "cache=none"));
        assertThat(ReuseWiring.prepare(reuse, Augmentation.NONE, "cifarnet")).as("without augmentation").isNotNull();
    }

    @Test
    void pluginCodeThatFailsOrReturnsNothingWhileCreatingIsReportedTogetherNamingTheJar(@TempDir Path plugins) {
        Path jar = PluginJars.jar(plugins, "broken.jar", Map.of("t.broken.TestPlugin", """
                package t.broken;
                import adr.spi.*;
                import adr.spi.config.Config;
                import adr.spi.reuse.*;
                import adr.spi.strategy.*;
                import java.util.List;
                public final class TestPlugin implements Plugin {
                    public String id() { return "t-broken"; }
                    public String version() { return "2"; }
                    public SpiVersion spiVersion() { return SpiVersion.CURRENT; }
                    public List<AdaptationStrategyFactory> strategies() {
                        return List.of(new AdaptationStrategyFactory() {
                            public String name() { return "crashing"; }
                            public String description() { return "crashing"; }
                            public AdaptationStrategy create(Config c) {
                                throw new IllegalStateException("no ladder");
                            }
                        });
                    }
                    public List<ReusePolicyFactory> policies() {
                        return List.of(new ReusePolicyFactory() {
                            public String name() { return "absent"; }
                            public String description() { return "absent"; }
                            public ReusePolicy create(Config c) {
                                return null;
                            }
                        });
                    }
                    public List<adr.spi.clustering.ClusteringFactory> clustering() {
                        return List.of(new adr.spi.clustering.ClusteringFactory() {
                            public String name() { return "c"; }
                            public String description() { return "c"; }
                            public adr.spi.clustering.ClusteringAlgorithm create(LayerShape l, ReuseSetting s,
                                    Config c, long seed) {
                                return (input, out) -> { };
                            }
                        });
                    }
                }
                """), List.of("t.broken.TestPlugin"));
        ReuseConfig reuse = new ReuseConfig("crashing", "absent", "c", 25, 8, plugins, Map.of());

        PluginException e = catchThrowableOfType(() -> ReuseWiring.prepare(reuse, Augmentation.NONE, "cifarnet"),
                PluginException.class);

        String source = "from plugin 't-broken' 2 (jar " + jar.toAbsolutePath() + ")";
        assertThat(e.problems()).containsExactly("strategy crashing " + source + " failed while creating it: "
                + "IllegalStateException: no ladder (at t.broken.TestPlugin$1.create(TestPlugin.java:16)); report it"
                + " to the plugin's author, or choose another --strategy", "policy absent " + source + " broke its "
                + "contract while creating it: it returned null; report it to the plugin's author, or choose another"
                + " --policy");
    }

    /** Strategy "fixed", clustering "c" and policy "caching", which caches clusters when cache != none. */
    private static Map<String, String> cachingPlugin() {
        return Map.of("t.cache.TestPlugin", """
                package t.cache;
                import adr.spi.*;
                import adr.spi.clustering.*;
                import adr.spi.config.*;
                import adr.spi.reuse.*;
                import adr.spi.strategy.*;
                import java.util.List;
                public final class TestPlugin implements Plugin {
                    public String id() { return "t-cache"; }
                    public String version() { return "1"; }
                    public SpiVersion spiVersion() { return SpiVersion.CURRENT; }
                    public List<AdaptationStrategyFactory> strategies() {
                        return List.of(new AdaptationStrategyFactory() {
                            public String name() { return "fixed"; }
                            public String description() { return "fixed"; }
                            public AdaptationStrategy create(Config c) {
                                return (layer, current, view) -> LayerDecision.exact("test");
                            }
                        });
                    }
                    public List<ReusePolicyFactory> policies() {
                        return List.of(new ReusePolicyFactory() {
                            public String name() { return "caching"; }
                            public String description() { return "caching"; }
                            public List<ConfigKey> configKeys() {
                                return List.of(ConfigKey.text("cache", "none", "cache"));
                            }
                            public ReusePolicy create(Config c) {
                                boolean caches = !c.text("cache").equals("none");
                                return new ReusePolicy() {
                                    public ReuseScope scope(LayerShape l, ReuseSetting s, TrainingView v) {
                                        return ReuseScope.FORWARD_AND_WEIGHTS.withClusterCache();
                                    }
                                    public boolean cachesClusters() { return caches; }
                                };
                            }
                        });
                    }
                    public List<ClusteringFactory> clustering() {
                        return List.of(new ClusteringFactory() {
                            public String name() { return "c"; }
                            public String description() { return "c"; }
                            public ClusteringAlgorithm create(LayerShape l, adr.spi.reuse.ReuseSetting s, Config c,
                                    long seed) {
                                return (input, out) -> { };
                            }
                        });
                    }
                }
                """);
    }
}

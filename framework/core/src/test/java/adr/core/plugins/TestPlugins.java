package adr.core.plugins;

import adr.spi.LayerShape;
import adr.spi.Plugin;
import adr.spi.SpiVersion;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.events.EventSink;
import adr.spi.events.EventSinkFactory;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import java.util.List;

/** In-memory plugins for tests that need factories but not jars. */
final class TestPlugins {
    private TestPlugins() {
    }

    record TestPlugin(String id, List<ClusteringFactory> clustering, List<ReusePolicyFactory> policies,
            List<EventSinkFactory> sinks) implements Plugin {
        @Override
        public String version() {
            return "0.9";
        }

        @Override
        public SpiVersion spiVersion() {
            return SpiVersion.CURRENT;
        }
    }

    record TestClustering(String name) implements ClusteringFactory {
        @Override
        public String description() {
            return "test " + name;
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(ConfigKey.integer("bits", 8, "hash bits"), ConfigKey.bool("warm", false, "warm start"));
        }

        @Override
        public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed) {
            return (input, out) -> { };
        }
    }

    record TestPolicy(String name) implements ReusePolicyFactory {
        @Override
        public String description() {
            return "test " + name;
        }

        @Override
        public ReusePolicy create(Config config) {
            return (layer, proposed, view) -> ReuseScope.EXACT;
        }
    }

    record TestSink(String name) implements EventSinkFactory {
        @Override
        public String description() {
            return "test " + name;
        }

        @Override
        public EventSink create(Config config) {
            return event -> { };
        }
    }

    /** Clustering "lsh" and "kmeans", policy "everywhere", sink "journal". */
    static PluginRegistry registry() {
        return PluginRegistry.of(PluginProvenance.CLASSPATH, List.of(
                new TestPlugin("test-clustering", List.of(new TestClustering("lsh"), new TestClustering("kmeans")),
                        List.of(), List.of()),
                new TestPlugin("test-rest", List.of(), List.of(new TestPolicy("everywhere")),
                        List.of(new TestSink("journal")))));
    }
}

package adr.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import adr.spi.clustering.ClusteringFactory;
import adr.spi.reuse.ReusePolicyFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the registry checks in every plugin, whatever its source. */
class PluginRegistryTest {

    @Test
    void badFactoryNamesNullListsAndRepeatedPluginIdsAreReportedTogether() {
        var badName = new TestPlugins.TestPlugin("bad-name", List.of(new TestPlugins.TestClustering("Fast LSH")),
                List.of(), List.of());
        var nullList = new TestPlugins.TestPlugin("null-list", List.of(), null, List.of());
        var first = new TestPlugins.TestPlugin("twice", List.of(new TestPlugins.TestClustering("a")), List.of(),
                List.of());
        var second = new TestPlugins.TestPlugin("twice", List.of(new TestPlugins.TestClustering("b")), List.of(),
                List.of());

        PluginException e = catchThrowableOfType(PluginException.class, () -> PluginRegistry.of(
                PluginProvenance.CLASSPATH, List.of(badName, nullList, first, second)));

        assertThat(e.problems()).containsExactly(
                "plugin 'bad-name' 0.9 (classpath): clustering factory adr.core.plugins.TestPlugins$TestClustering"
                        + " has the invalid name 'Fast LSH'; use lower-case letters, digits and dashes",
                "plugin 'null-list' 0.9 (classpath): policies() returned null; return List.of() when it offers none",
                "plugin 'twice' is loaded twice: 0.9 from classpath and 0.9 from classpath; remove one of them");
    }

    @Test
    void factoriesAreListedByKindAndName() {
        PluginRegistry registry = TestPlugins.registry();

        assertThat(registry.clustering()).containsOnlyKeys("kmeans", "lsh");
        assertThat(registry.factories(PluginKind.POLICY, ReusePolicyFactory.class)).containsOnlyKeys("everywhere");
        assertThat(registry.infos()).extracting(r -> r.kind().label() + " " + r.name())
                .containsExactly("clustering kmeans", "clustering lsh", "policy everywhere", "sink journal");
        assertThat(registry.plugins()).extracting(PluginProvenance::pluginId)
                .containsExactly("test-clustering", "test-rest");
        assertThat(registry.provenance(PluginKind.CLUSTERING, "nope")).isEmpty();
        assertThat(ClusteringFactory.class).isEqualTo(PluginKind.CLUSTERING.factoryType());
    }
}

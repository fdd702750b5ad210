package adr.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import adr.spi.SpiVersion;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving a run's chosen names and validating their configuration, all problems at once. */
class PluginSelectionTest {
    private final PluginRegistry registry = TestPlugins.registry();

    @Test
    void chosenFactoriesComeWithValidatedConfigAndProvenance() {
        PluginChoices choices = PluginChoices.NONE.withClustering("lsh", Map.of("bits", "12"))
                .withPolicy("everywhere", Map.of()).withSink("journal", Map.of());

        PluginSelection selection = PluginSelection.resolve(choices, registry);

        var clustering = selection.clustering().orElseThrow();
        assertThat(clustering.factory()).isSameAs(registry.clustering().get("lsh"));
        assertThat(clustering.config().integer("bits")).isEqualTo(12);
        assertThat(clustering.config().bool("warm")).isFalse();
        assertThat(clustering.provenance().pluginId()).isEqualTo("test-clustering");
        assertThat(selection.policy().orElseThrow().name()).isEqualTo("everywhere");
        assertThat(selection.strategy()).isEmpty();
        assertThat(selection.sinks()).extracting(PluginSelection.Selected::name).containsExactly("journal");
        assertThat(selection.all()).hasSize(3);
    }

    @Test
    void nothingChosenIsFine() {
        assertThat(PluginSelection.resolve(PluginChoices.NONE, registry).all()).isEmpty();
    }

    @Test
    void anUnknownNameListsTheKnownOnesOfLoadedJars(@TempDir Path tmp) {
        PluginJars.goodPlugin(tmp, "a.jar", "a", "alpha", "alpha-clusters");
        PluginJars.jar(tmp, "b.jar", PluginJars.plugin("b", "beta", SpiVersion.MAJOR, "beta-clusters"),
                java.util.List.of("b.TestPlugin"));
        PluginRegistry loaded = new PluginLoader().load(tmp);

        PluginException e = catchThrowableOfType(PluginException.class, () -> PluginSelection.resolve(
                PluginChoices.NONE.withClustering("gamma", Map.of()), loaded));

        assertThat(e.problems()).containsExactly("unknown clustering 'gamma'; known: alpha-clusters, beta-clusters");
    }

    @Test
    void unknownNamesAndBadValuesAreReportedTogether() {
        PluginChoices choices = PluginChoices.NONE.withClustering("lsh", Map.of("bits", "many", "colour", "red"))
                .withPolicy("nowhere", Map.of()).withStrategy("paper", Map.of())
                .withSink("journal", Map.of()).withSink("journal", Map.of()).withSink("mq", Map.of());

        PluginException e = catchThrowableOfType(PluginException.class, () -> PluginSelection.resolve(choices,
                registry));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "clustering lsh: bits: expected a whole number, got 'many'",
                "clustering lsh: unknown key 'colour'; known: bits, warm",
                "unknown policy 'nowhere'; known: everywhere",
                "unknown strategy 'paper'; known: none (add a plugin jar offering one to the plugins directory)",
                "sink 'journal' is chosen twice; list each sink once",
                "unknown sink 'mq'; known: journal, kafka (built in); no plugin offers another (add a plugin jar"
                        + " offering one to the plugins directory)");
        assertThat(e.getMessage()).startsWith("6 plugin problems:");
    }
}

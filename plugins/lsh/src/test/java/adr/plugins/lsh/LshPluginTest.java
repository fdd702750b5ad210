package adr.plugins.lsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.LayerShape;
import adr.spi.Plugin;
import adr.spi.SpiVersion;
import adr.spi.clustering.ArraySubVectors;
import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plugin as the engine finds and uses it: through ServiceLoader and its factory. */
class LshPluginTest {
    private static final LayerShape LAYER = new LayerShape("conv", 2, 8, 4, 1, 0);

    private static ClusteringFactory lsh() {
        Plugin plugin = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("adr-lsh")).findFirst().orElseThrow();
        assertThat(plugin.clustering()).extracting(ClusteringFactory::name).containsExactly("lsh");
        return plugin.clustering().get(0);
    }

    @Test
    void isFoundByServiceLoaderWithItsVersions() {
        Plugin plugin = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(LshPlugin.class::isInstance).findFirst().orElseThrow();

        assertThat(plugin.id()).isEqualTo("adr-lsh");
        assertThat(plugin.version()).isEqualTo("0.1.0");
        assertThat(plugin.spiVersion().compatibleWith(SpiVersion.CURRENT)).isTrue();
        assertThat(plugin.policies()).isEmpty();
    }

    @Test
    void buildsAWorkingAlgorithmFromTheDefaults() {
        ClusteringFactory factory = lsh();
        assertThat(factory.configKeys()).extracting(ConfigKey::name).containsExactly("variant", "bucket-width");
        assertThat(Config.defaults(factory.configKeys()).asMap())
                .isEqualTo(Map.of("variant", "quantized", "bucket-width", 0.5));

        ReuseSetting setting = new ReuseSetting(16, 8);
        ClusteringAlgorithm algorithm = factory.create(LAYER, setting, Config.defaults(factory.configKeys()), 1);
        ArraySubVectors input = ArraySubVectors.blobs(setting.groups(LAYER.rowLength()), 300, 16, 4, 0.02, 1);
        Assignments out = new Assignments(input.groups(), input.rows());
        algorithm.cluster(input, out);

        assertThat(out.remainingRatio()).isBetween(1.0 / 300, 0.2);
    }

    @Test
    void anUnknownVariantNamesTheKeyAndTheChoices() {
        Config config = LshTesting.config(Map.of("variant", "cosine"));

        assertThatThrownBy(() -> lsh().create(LAYER, new ReuseSetting(16, 8), config, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variant must be sign or quantized, got 'cosine'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "NaN", "Infinity"})
    void aNonPositiveBucketWidthNamesTheKey(String width) {
        Config config = LshTesting.config(Map.of("bucket-width", width));

        assertThatThrownBy(() -> lsh().create(LAYER, new ReuseSetting(16, 8), config, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bucket-width must be a positive number");
    }

    @Test
    void aBucketWidthGivenWithTheSignVariantIsRefusedBecauseSignHasNoWidth() {
        Config config = LshTesting.config(Map.of("variant", "sign", "bucket-width", "1"));

        assertThatThrownBy(() -> lsh().create(LAYER, new ReuseSetting(16, 8), config, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bucket-width applies to variant=quantized only, got it with variant=sign; drop "
                        + "bucket-width or use variant=quantized");
        assertThat(lsh().create(LAYER, new ReuseSetting(16, 8), LshTesting.config(Map.of("variant", "sign")), 1))
                .as("the default width stays out of sign's way").isNotNull();
    }

    @Test
    void variantNamesIgnoreCase() {
        Config config = LshTesting.config(Map.of("variant", "SIGN"));

        assertThat(lsh().create(LAYER, new ReuseSetting(16, 8), config, 1)).isNotNull();
    }

    @Test
    void subVectorsOfAnotherLengthAreRefused() {
        ClusteringAlgorithm algorithm = lsh().create(LAYER, new ReuseSetting(16, 8),
                Config.defaults(lsh().configKeys()), 1);

        assertThatThrownBy(() -> algorithm.cluster(ArraySubVectors.random(2, 10, 8, 1), new Assignments(2, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built for L=16");
    }
}

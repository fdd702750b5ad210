package adr.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KMeansFactoryTest {
    private static final LayerShape LAYER = new LayerShape("conv2", 32, 64, 5, 1, 2);
    private static final ReuseSetting SETTING = new ReuseSetting(16, 6);

    @Test
    void buildsFromTheDefaults() {
        KMeansFactory factory = new KMeansFactory();

        ClusteringAlgorithm algorithm = factory.create(LAYER, SETTING, Config.defaults(factory.configKeys()), 1);

        assertThat(factory.name()).isEqualTo("kmeans");
        assertThat(algorithm).isInstanceOf(KMeansClustering.class);
        assertThat(KMeansOptions.from(Configs.config(Map.of())))
                .isEqualTo(new KMeansOptions(KMeansOptions.KMode.RATIO, 0.1, KMeansOptions.Init.KMEANS_PLUS_PLUS, 3,
                        true));
    }

    @Test
    void acceptsEveryAllowedValue() {
        KMeansOptions options = KMeansOptions.from(Configs.config(
                Map.of("k-mode", "FIXED", "init", "random", "target-ratio", 1, "iterations", 100,
                        "warm-start", false)));

        assertThat(options).isEqualTo(
                new KMeansOptions(KMeansOptions.KMode.FIXED, 1.0, KMeansOptions.Init.RANDOM, 100, false));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = ';', value = {
        "k-mode; auto; k-mode must be one of ratio, fixed, got 'auto'",
        "init; kmeans||; init must be one of kmeans++, random, got 'kmeans||'",
        "target-ratio; 0; target-ratio must be in (0, 1], got 0.0",
        "target-ratio; 1.5; target-ratio must be in (0, 1], got 1.5",
        "target-ratio; NaN; target-ratio must be in (0, 1], got NaN",
        "iterations; 0; iterations must be in 1..100, got 0",
        "iterations; 101; iterations must be in 1..100, got 101"})
    void rejectsBadValuesNamingTheKeyAndTheAllowedValues(String key, String value, String message) {
        Config config = Configs.config(Map.of(key, value));

        assertThatThrownBy(() -> new KMeansFactory().create(LAYER, SETTING, config, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void choosesKPerGroupWithinTheSettingsBound() {
        KMeansOptions ratio = KMeansOptions.from(Configs.config(Map.of("target-ratio", 0.1)));
        KMeansOptions fixed = KMeansOptions.from(Configs.config(Map.of("k-mode", "fixed")));

        assertThat(ratio.clusters(12544, new ReuseSetting(16, 20))).isEqualTo(1254);
        assertThat(ratio.clusters(12544, new ReuseSetting(16, 6))).isEqualTo(64);
        assertThat(ratio.clusters(3, SETTING)).isEqualTo(1);
        assertThat(fixed.clusters(12544, new ReuseSetting(16, 6))).isEqualTo(64);
        assertThat(fixed.clusters(40, new ReuseSetting(16, 6))).isEqualTo(40);
    }
}

package adr.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import adr.spi.NamedFactory;
import adr.spi.Plugin;
import adr.spi.SpiVersion;
import adr.spi.config.ConfigKey;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class KMeansPluginTest {

    @Test
    void isFoundByTheServiceLoaderWithOneKMeansFactory() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();

        Plugin plugin = plugins.stream().filter(p -> p.id().equals("adr-kmeans")).findFirst().orElseThrow();
        assertThat(plugin).isInstanceOf(KMeansPlugin.class);
        assertThat(plugin.version()).isEqualTo("0.1.0");
        assertThat(plugin.spiVersion()).isEqualTo(new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR));
        assertThat(plugin.spiVersion().compatibleWith(SpiVersion.CURRENT)).isTrue();
        assertThat(plugin.clustering()).extracting(NamedFactory::name).containsExactly("kmeans");
        assertThat(plugin.policies()).isEmpty();
        assertThat(plugin.strategies()).isEmpty();
        assertThat(plugin.sinks()).isEmpty();
    }

    @Test
    void declaresItsKeysWithDefaultsAndDocs() {
        List<ConfigKey> keys = new KMeansFactory().configKeys();

        assertThat(keys).extracting(ConfigKey::name)
                .containsExactly("k-mode", "target-ratio", "init", "iterations", "warm-start");
        assertThat(keys).extracting(ConfigKey::defaultValue).containsExactly("ratio", 0.1, "kmeans++", 3L, true);
        assertThat(keys).allSatisfy(key -> assertThat(key.doc()).isNotBlank());
        assertThat(new KMeansFactory().description()).isNotBlank();
    }
}

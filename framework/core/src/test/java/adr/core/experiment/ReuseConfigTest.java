package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.plugins.PluginLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReuseConfigTest {

    private static ReuseConfig withPluginsDir(Path dir) {
        ReuseConfig d = ReuseConfig.defaults();
        return new ReuseConfig("fixed", d.policy(), d.clustering(), 25, 6, dir, Map.of());
    }

    @Test
    void aRelativePluginsDirectoryIsRecordedAbsolute() {
        ReuseConfig resolved = withPluginsDir(Path.of("my-plugins/../jars")).withPluginsDirResolved();

        assertThat(resolved.pluginsDir()).isEqualTo(Path.of("jars").toAbsolutePath());
        assertThat(resolved).usingRecursiveComparison().ignoringFields("pluginsDir").isEqualTo(withPluginsDir(null));
    }

    @Test
    void theDefaultDirectoryIsRecordedOnlyWhenItExists() {
        ReuseConfig resolved = withPluginsDir(null).withPluginsDirResolved();

        assertThat(resolved.pluginsDir()).isEqualTo(Files.isDirectory(PluginLoader.DEFAULT_DIRECTORY)
                ? PluginLoader.DEFAULT_DIRECTORY.toAbsolutePath() : null);
    }
}

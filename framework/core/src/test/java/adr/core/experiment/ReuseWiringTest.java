package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import adr.core.plugins.PluginException;
import adr.core.plugins.PluginJars;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's plugin problems are reported together before training starts, whatever their kind. */
class ReuseWiringTest {

    @Test
    void aBrokenJarAndAnUnknownNameAreReportedTogether(@TempDir Path plugins) {
        PluginJars.jar(plugins, "no-provider.jar", PluginJars.plugin("t.none", "none", 1, "unused"), List.of());
        PluginJars.goodPlugin(plugins, "good.jar", "t.good", "good", "tc");
        ReuseConfig reuse = new ReuseConfig("fixed", "auto", "nope", 25, 8, plugins, java.util.Map.of());

        PluginException e = catchThrowableOfType(() -> ReuseWiring.prepare(reuse), PluginException.class);

        assertThat(e.problems().get(0)).contains("no-provider.jar").contains("contains no adr.spi.Plugin provider");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown clustering 'nope'")
                .contains("tc"));
    }
}

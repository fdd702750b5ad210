package adr.plugins.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayersPolicyTest {
    private static final LayerShape CONV1 = new LayerShape("conv1", 1, 64, 5, 1, 2);
    private static final LayerShape CONV2 = new LayerShape("conv2", 64, 64, 5, 1, 2);
    private static final LayerShape CONV3 = new LayerShape("conv3", 64, 128, 3, 1, 1);
    private static final ReuseSetting SETTING = new ReuseSetting(25, 8);

    private static Config config(Map<String, String> options) {
        List<String> errors = new ArrayList<>();
        Config config = Config.resolve("layers", new LayersPolicy.Factory().configKeys(), options, errors);
        assertThat(errors).isEmpty();
        return config;
    }

    private static ReusePolicy layers(Map<String, String> options) {
        return new LayersPolicy.Factory().create(config(options));
    }

    @Test
    void reusesTheNamedLayersWithTheConfiguredScopeAndKeepsTheOthersExact() {
        ReusePolicy all = layers(Map.of("layers", " conv2, conv3 ", "reuse", "all"));
        assertThat(all.scope(CONV2, SETTING, ScriptedView.start())).isEqualTo(new ReuseScope(true, true, true, false));
        assertThat(all.scope(CONV3, SETTING, ScriptedView.start())).isEqualTo(new ReuseScope(true, true, true, false));
        assertThat(all.scope(CONV1, SETTING, ScriptedView.start())).isEqualTo(ReuseScope.EXACT);

        ReusePolicy byDefault = layers(Map.of("layers", "conv2"));
        assertThat(byDefault.scope(CONV2, SETTING, ScriptedView.start())).isEqualTo(ReuseScope.FORWARD_AND_WEIGHTS);
        assertThat(byDefault.scope(CONV3, SETTING, ScriptedView.start())).isEqualTo(ReuseScope.EXACT);
        assertThat(all.whyExact(CONV1, SETTING)).isEqualTo("not among layers=conv2,conv3");

        ReusePolicy forward = layers(Map.of("layers", "conv1", "reuse", "forward"));
        assertThat(forward.scope(CONV1, SETTING, ScriptedView.start()))
                .isEqualTo(new ReuseScope(true, false, false, false));
    }

    @Test
    void anEmptyListOrABadScopeIsRefused() {
        var factory = new LayersPolicy.Factory();
        assertThatThrownBy(() -> factory.create(config(Map.of())))
                .hasMessageStartingWith("layers must name at least one convolution");
        assertThatThrownBy(() -> factory.create(config(Map.of("layers", " , "))))
                .hasMessageContaining("layers must name at least one convolution");
        assertThatThrownBy(() -> factory.create(config(Map.of("layers", "conv2", "reuse", "some"))))
                .hasMessageStartingWith("reuse must be forward, forward+weights or all");
    }

    @Test
    void namesItsLayersSoThatTheEngineCanCheckThemAgainstTheModel() {
        assertThat(layers(Map.of("layers", " conv2, conv3 ")).layersNamed())
                .containsExactlyInAnyOrder("conv2", "conv3");
    }
}

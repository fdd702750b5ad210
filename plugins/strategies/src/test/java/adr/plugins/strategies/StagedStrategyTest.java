package adr.plugins.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staged decisions on scripted training views (300 steps in all). */
class StagedStrategyTest {
    private static final LayerShape CONV1 = new LayerShape("conv1", 1, 64, 5, 1, 2);
    private static final LayerShape CONV2 = new LayerShape("conv2", 64, 64, 5, 1, 2);

    private static AdaptationStrategy staged(Map<String, String> options) {
        var factory = new StagedStrategy.Factory();
        List<String> errors = new ArrayList<>();
        Config config = Config.resolve("staged", factory.configKeys(), options, errors);
        assertThat(errors).isEmpty();
        return factory.create(config);
    }

    private static ScriptedView at(long step) {
        return new ScriptedView(step, 1, List.of(), List.of(), Map.of());
    }

    @Test
    void goesFromCoarseToFineToExactAtTheConfiguredFractions() {
        var strategy = staged(Map.of("levels", "32:4@0,32:8@0.5,exact@0.9"));

        assertThat(strategy.decide(CONV2, null, at(0)).setting()).isEqualTo(new ReuseSetting(32, 4));
        assertThat(strategy.decide(CONV2, null, at(149)).setting()).isEqualTo(new ReuseSetting(32, 4));
        assertThat(strategy.decide(CONV2, null, at(150)).setting()).isEqualTo(new ReuseSetting(32, 8));
        var last = strategy.decide(CONV2, null, at(270));
        assertThat(last.setting()).isNull();
        assertThat(last.reason()).isEqualTo("staged: level 3 of 3 from 90% of training");
    }

    @Test
    void perLayerSchedulesOverrideAndLIsCappedAtTheRowLength() {
        var strategy = staged(Map.of("levels", "64:4@0", "per-layer", "conv1=25:6@0,exact@0.5"));

        assertThat(strategy.decide(CONV1, null, at(10)).setting()).isEqualTo(new ReuseSetting(25, 6));
        assertThat(strategy.decide(CONV1, null, at(200)).setting()).isNull();
        assertThat(strategy.decide(CONV2, null, at(200)).setting()).isEqualTo(new ReuseSetting(64, 4));
    }

    @Test
    void badSchedulesAreRefusedWithTheReason() {
        var factory = new StagedStrategy.Factory();
        for (String[] bad : new String[][] {{"25:4@0.1", "must start @0"}, {"25:4@0,25:8@0", "must rise"},
            {"25:4@0,fine@0.5", "expected L:H"}, {"25:4", "expected L:H@fraction"}, {"25:40@0", "H in 1..30"},
            {"0:4@0", "L >= 1"}, {"25:4:7@0", "expected L:H"}}) {
            Config config = Config.resolve("staged", factory.configKeys(), Map.of("levels", bad[0]), new ArrayList<>());
            assertThatThrownBy(() -> factory.create(config)).as(bad[0]).hasMessageContaining(bad[1]);
        }
    }

    @Test
    void namesItsPerLayerOverridesSoThatTheEngineCanCheckThemAgainstTheModel() {
        assertThat(staged(Map.of()).layersNamed()).isEmpty();
        assertThat(staged(Map.of("per-layer", "conv1=25:4@0; conv2=exact@0")).layersNamed())
                .containsExactlyInAnyOrder("conv1", "conv2");
    }
}

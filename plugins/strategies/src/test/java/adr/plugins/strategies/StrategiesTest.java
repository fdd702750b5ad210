package adr.plugins.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.LayerShape;
import adr.spi.Plugin;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.TrainingView;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StrategiesTest {
    private static final LayerShape CONV2 = new LayerShape("conv2", 64, 64, 5, 1, 2);
    private static final LayerShape CONV1 = new LayerShape("conv1", 1, 64, 5, 1, 2);
    private static final LayerShape NARROW = new LayerShape("narrow", 64, 8, 3, 1, 1);

    @Test
    void thePluginIsFoundAndOffersItsFactories() {
        Plugin plugin = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("adr-strategies")).findFirst().orElseThrow();
        assertThat(plugin.strategies()).extracting(f -> f.name()).containsExactly("exact", "fixed", "staged",
                "adaptive", "budget");
        assertThat(plugin.policies()).extracting(f -> f.name()).containsExactly("auto", "all", "layers");
    }

    @Test
    void exactNeverReuses() {
        var strategy = new ExactStrategy.Factory().create(Config.defaults(List.of()));
        assertThat(strategy.decide(CONV2, null, ScriptedView.start()).setting()).isNull();
    }

    @Test
    void fixedKeepsItsSettingAndClampsLToTheRow() {
        var factory = new FixedStrategy.Factory();
        var errors = new java.util.ArrayList<String>();
        var strategy = factory.create(Config.resolve("fixed", factory.configKeys(), Map.of("L", 32, "H", 6), errors));

        assertThat(errors).isEmpty();
        assertThat(strategy.decide(CONV2, null, ScriptedView.start()).setting()).isEqualTo(new ReuseSetting(32, 6));
        assertThat(strategy.decide(CONV1, null, ScriptedView.start()).setting()).isEqualTo(new ReuseSetting(25, 6));
        assertThat(strategy.decide(CONV2, new ReuseSetting(32, 6), ScriptedView.start()).reason()).contains("fixed");
    }

    @Test
    void fixedRefusesImpossibleSettings() {
        var factory = new FixedStrategy.Factory();
        var config = Config.resolve("fixed", factory.configKeys(), Map.of("H", 31), new java.util.ArrayList<>());
        assertThatThrownBy(() -> factory.create(config)).hasMessageContaining("H in 1..30");
    }

    @Test
    void autoReusesWideLayersAndKeepsNarrowOnesExact() {
        var policy = new CostModelPolicy.Factory().create(Config.defaults(new CostModelPolicy.Factory().configKeys()));
        ReuseSetting setting = new ReuseSetting(25, 8);

        // 0.25 + 8/64 + 1/25 = 0.415 < 0.8
        assertThat(policy.scope(CONV2, setting, ScriptedView.start())).isEqualTo(ReuseScope.FORWARD_AND_WEIGHTS);
        // 0.25 + 8/8 + 1/25 > 0.8: the hashing alone costs as much as the layer
        assertThat(policy.scope(NARROW, setting, ScriptedView.start())).isEqualTo(ReuseScope.EXACT);
        assertThat(policy.whyExact(NARROW, setting)).isEqualTo("predicted forward cost 1.29 of exact (r_c 0.250 "
                + "assumed + H/M 1.000 + 1/L 0.040) is not below max-fraction 0.80");
    }

    @Test
    void autoTurnsALayerOffWhenItsMeasuredRatioShowsNoGain() {
        var policy = new CostModelPolicy.Factory().create(Config.defaults(new CostModelPolicy.Factory().configKeys()));
        var measured = new ScriptedView(10, 1, List.of(), List.of(),
                Map.of("conv2", new TrainingView.LayerStats(0.7, 0.01, true)));

        assertThat(policy.scope(CONV2, new ReuseSetting(25, 8), measured)).isEqualTo(ReuseScope.EXACT);
    }

    @Test
    void autoAssumesItsRatioAfterAnExactStep() {
        var policy = new CostModelPolicy.Factory().create(Config.defaults(new CostModelPolicy.Factory().configKeys()));
        var exactStep = new ScriptedView(10, 1, List.of(), List.of(),
                Map.of("conv2", new TrainingView.LayerStats(1, 0.012, false)));

        assertThat(policy.scope(CONV2, new ReuseSetting(25, 8), exactStep))
                .isEqualTo(ReuseScope.FORWARD_AND_WEIGHTS);
    }

    @Test
    void autoKeepsALayerItTurnedOffExactWhileTheSettingStaysTheSame() {
        var policy = new CostModelPolicy.Factory().create(Config.defaults(new CostModelPolicy.Factory().configKeys()));
        ReuseSetting setting = new ReuseSetting(25, 8);
        var reusedStep = new ScriptedView(10, 1, List.of(), List.of(),
                Map.of("conv2", new TrainingView.LayerStats(0.7, 0.01, true)));
        var exactStep = new ScriptedView(11, 1, List.of(), List.of(),
                Map.of("conv2", new TrainingView.LayerStats(1, 0.012, false)));

        assertThat(policy.scope(CONV2, setting, ScriptedView.start())).isEqualTo(ReuseScope.FORWARD_AND_WEIGHTS);
        // 0.7 measured with {25, 8}: 0.7 + 8/64 + 1/25 > 0.8, off, and still off after the exact step
        assertThat(policy.scope(CONV2, setting, reusedStep)).isEqualTo(ReuseScope.EXACT);
        assertThat(policy.whyExact(CONV2, setting)).contains("(r_c 0.700 measured + H/M 0.125 + 1/L 0.040)");
        assertThat(policy.scope(CONV2, setting, exactStep)).isEqualTo(ReuseScope.EXACT);
        assertThat(policy.scope(CONV2, setting, exactStep)).isEqualTo(ReuseScope.EXACT);
        // another setting has not been measured: the assumed ratio again
        assertThat(policy.scope(CONV2, new ReuseSetting(25, 4), exactStep)).isEqualTo(ReuseScope.FORWARD_AND_WEIGHTS);
    }

    @Test
    void allPolicyScopes() {
        var factory = new AllLayersPolicy.Factory();
        var all = factory.create(Config.resolve("all", factory.configKeys(), Map.of("reuse", "all"),
                new java.util.ArrayList<>()));
        assertThat(all.scope(NARROW, new ReuseSetting(9, 4), ScriptedView.start()).inputGradient()).isTrue();
        var bad = Config.resolve("all", factory.configKeys(), Map.of("reuse", "everything"),
                new java.util.ArrayList<>());
        assertThatThrownBy(() -> factory.create(bad)).hasMessageContaining("forward, forward+weights or all");
    }
}

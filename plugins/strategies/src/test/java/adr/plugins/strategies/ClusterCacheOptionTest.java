package adr.plugins.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code cache} key of every shipped policy. */
class ClusterCacheOptionTest {
    private static final LayerShape CONV2 = new LayerShape("conv2", 64, 64, 5, 1, 2);
    private static final ReuseSetting SETTING = new ReuseSetting(25, 8);

    private static ReusePolicyFactory factory(String name) {
        return new StrategiesPlugin().policies().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** The policy {@code name} with {@code options}; the layers policy reuses conv2. */
    private static ReusePolicy policy(String name, Map<String, String> options) {
        Map<String, String> given = new HashMap<>(options);
        if (name.equals("layers")) {
            given.put("layers", "conv2");
        }
        List<String> errors = new ArrayList<>();
        Config config = Config.resolve(name, factory(name).configKeys(), given, errors);
        assertThat(errors).isEmpty();
        return factory(name).create(config);
    }

    private static ReuseScope scope(ReusePolicy policy) {
        return policy.scope(CONV2, SETTING, ScriptedView.start());
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "all", "layers"})
    void noCacheByDefault(String name) {
        ReusePolicy policy = policy(name, Map.of());

        assertThat(scope(policy).clusterCache()).isFalse();
        assertThat(policy.cachesClusters()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "all", "layers"})
    void firstLayerMarksTheReusedLayersForTheCache(String name) {
        ReusePolicy policy = policy(name, Map.of("cache", "first-layer"));

        assertThat(scope(policy)).isEqualTo(ReuseScope.FORWARD_AND_WEIGHTS.withClusterCache());
        assertThat(policy.cachesClusters()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "all", "layers"})
    void aBadValueIsRefusedNamingTheKey(String name) {
        assertThatThrownBy(() -> policy(name, Map.of("cache", "always")))
                .hasMessage("cache must be none or first-layer, got 'always'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "layers"})
    void theCacheKeepsTheReuseScope(String name) {
        ReusePolicy policy = policy(name, Map.of("cache", "first-layer", "reuse", "all"));

        assertThat(scope(policy)).isEqualTo(new ReuseScope(true, true, true, true));
    }

    @org.junit.jupiter.api.Test
    void anExactLayerStaysExact() {
        ReusePolicy layers = policy("layers", Map.of("cache", "first-layer"));

        assertThat(layers.scope(new LayerShape("conv1", 1, 64, 5, 1, 2), SETTING, ScriptedView.start()))
                .isEqualTo(ReuseScope.EXACT);
    }
}

package adr.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.LayerShape;
import adr.spi.SpiVersion;
import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.clustering.StableBucketKeys;
import adr.spi.clustering.SubVectors;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A plugin's failure while a run trains is reported as that plugin's, in one line with its jar and the fix. */
class PluginGuardTest {
    private static final LayerShape CONV1 = new LayerShape("conv1", 1, 4, 3, 1, 1);
    private static final ReuseSetting SETTING = new ReuseSetting(3, 2); // at most 4 clusters per group
    private static final PluginProvenance JAR = new PluginProvenance("acme", "1.0.0",
            new SpiVersion(SpiVersion.MAJOR, 0), "/plugins/acme.jar");
    private static final String FIX = "; report it to the plugin's author, or choose another ";

    private static PluginGuard guard(PluginKind kind, String name) {
        return new PluginGuard(kind, name, JAR);
    }

    /** A factory whose algorithm writes ids by {@code write(group's ids, out)}; keyed when asked. */
    private static ClusteringFactory clustering(BiConsumer<int[], Assignments> write, boolean keyed) {
        ClusteringAlgorithm plain = (input, out) -> {
            for (int g = 0; g < out.groups(); g++) {
                write.accept(out.ids(g), out);
            }
        };
        StableBucketKeys stable = new StableBucketKeys() {
            @Override
            public void cluster(SubVectors input, Assignments out) {
                plain.cluster(input, out);
            }

            @Override
            public void bucketKeys(SubVectors input, int[][] keys) {
                throw new IllegalStateException("keys unavailable");
            }
        };
        return factory(setting -> keyed ? stable : plain);
    }

    /** A factory named acme-clusters whose algorithm for a setting is {@code create}'s. */
    private static ClusteringFactory factory(Function<ReuseSetting, ClusteringAlgorithm> create) {
        return new ClusteringFactory() {
            @Override
            public String name() {
                return "acme-clusters";
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public ClusteringAlgorithm create(LayerShape layer, ReuseSetting setting, Config config, long seed) {
                return create.apply(setting);
            }
        };
    }

    private static ClusteringAlgorithm guarded(ClusteringFactory factory) {
        return new GuardedClusteringFactory(factory, guard(PluginKind.CLUSTERING, "acme-clusters")).create(CONV1,
                SETTING, null, 1L);
    }

    @Test
    void compactAssignmentsPassUnchanged() {
        Assignments out = new Assignments(2, 5);

        guarded(clustering((ids, a) -> { }, false)).cluster(null, fill(out, 0, 1, 0, 1, 1));

        assertThat(out.ids(0)).containsExactly(0, 1, 0, 1, 1);
    }

    /** Sets every group of {@code out} to {@code ids}, with a count of its largest id + 1. */
    private static Assignments fill(Assignments out, int... ids) {
        for (int g = 0; g < out.groups(); g++) {
            System.arraycopy(ids, 0, out.ids(g), 0, ids.length);
            out.setCount(g, Arrays.stream(ids).max().orElse(-1) + 1);
        }
        return out;
    }

    @Test
    void anIdOutsideTheCountBreaksTheContract() {
        ClusteringAlgorithm algorithm = guarded(clustering((ids, out) -> ids[3] = 7, false));

        assertThatThrownBy(() -> algorithm.cluster(null, fill(new Assignments(1, 5), 0, 1, 0, 1, 1)))
                .isInstanceOf(PluginFailedException.class)
                .hasMessage("clustering acme-clusters from plugin 'acme' 1.0.0 (jar /plugins/acme.jar) broke its "
                        + "contract while clustering conv1 at {L=3, H=2}: it returned id 7 for row 3 of group 0, "
                        + "outside 0..1 (ids must be compact)" + FIX + "--clustering");
    }

    @Test
    void moreClustersThanTheSettingAllowsBreakTheContract() {
        ClusteringAlgorithm algorithm = guarded(clustering((ids, out) -> { }, false));

        assertThatThrownBy(() -> algorithm.cluster(null, fill(new Assignments(1, 6), 0, 1, 2, 3, 4, 5)))
                .isInstanceOf(PluginFailedException.class)
                .hasMessageContaining("it returned 6 clusters for group 0 of 6 rows, where {L=3, H=2} allows 1..4");
    }

    @Test
    void anExceptionNamesThePluginTheLayerAndTheFrameThatThrew() {
        ClusteringAlgorithm algorithm = guarded(clustering((ids, out) -> {
            throw new NullPointerException("no centroids yet");
        }, false));

        assertThatThrownBy(() -> algorithm.cluster(null, new Assignments(1, 5)))
                .isInstanceOf(PluginFailedException.class).hasCauseInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("clustering acme-clusters from plugin 'acme' 1.0.0 (jar /plugins/acme.jar) "
                        + "failed while clustering conv1 at {L=3, H=2}: NullPointerException: no centroids yet "
                        + "(at adr.core.plugins.PluginGuardTest.")
                .hasMessageEndingWith(FIX + "--clustering").hasMessageNotContaining("\n");
    }

    @Test
    void aMethodMissingFromThisSpiNamesBothVersionsForAPluginBuiltForANewerOne() {
        var newer = new PluginProvenance("acme", "2.0.0", new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR + 1),
                "/plugins/acme.jar");
        var strategy = new GuardedStrategy((layer, current, view) -> {
            throw new NoSuchMethodError("'void adr.spi.Future.method()'");
        }, new PluginGuard(PluginKind.STRATEGY, "future", newer));

        assertThatThrownBy(() -> strategy.decide(CONV1, null, null)).isInstanceOf(PluginFailedException.class)
                .hasCauseInstanceOf(NoSuchMethodError.class)
                .hasMessageContaining("failed while deciding conv1's setting: NoSuchMethodError: 'void "
                        + "adr.spi.Future.method()' (at ")
                .hasMessageContaining("; it was built for SPI " + SpiVersion.MAJOR + "." + (SpiVersion.MINOR + 1)
                        + " and this ADR has " + SpiVersion.MAJOR + "." + SpiVersion.MINOR + ": use a newer ADR, or"
                        + " build the plugin against this adr-spi; report it");
    }

    @Test
    void runningOutOfMemoryInsideAPluginIsNotBlamedOnIt() {
        var wrapped = new IllegalStateException("allocation failed", new OutOfMemoryError("physicalBytes > max"));
        var strategy = new GuardedStrategy((layer, current, view) -> {
            throw wrapped;
        }, guard(PluginKind.STRATEGY, "greedy"));

        assertThatThrownBy(() -> strategy.decide(CONV1, null, null)).isSameAs(wrapped);
    }

    @Test
    void aKeyedClusteringStaysKeyedSoTheClusterCacheCanUseIt() {
        ClusteringAlgorithm algorithm = guarded(clustering((ids, out) -> { }, true));

        assertThat(algorithm).isInstanceOf(StableBucketKeys.class);
        assertThatThrownBy(() -> ((StableBucketKeys) algorithm).bucketKeys(null, new int[1][1]))
                .isInstanceOf(PluginFailedException.class)
                .hasMessageContaining("failed while computing bucket keys for conv1 at {L=3, H=2}: "
                        + "IllegalStateException: keys unavailable");
        assertThat(guarded(clustering((ids, out) -> { }, false))).isNotInstanceOf(StableBucketKeys.class);
    }

    @Test
    void aFactoryThatFailsToCreateOrReturnsNullIsNamed() {
        ClusteringFactory refusing = factory(setting -> {
            if (setting.hashBits() > 1) {
                throw new IllegalArgumentException("H must be 1");
            }
            return null;
        });

        assertThatThrownBy(() -> guarded(refusing)).isInstanceOf(PluginFailedException.class)
                .hasMessageContaining("failed while creating its clustering for conv1 at {L=3, H=2}: "
                        + "IllegalArgumentException: H must be 1");
        var guard = guard(PluginKind.CLUSTERING, "acme-clusters");
        assertThatThrownBy(() -> new GuardedClusteringFactory(refusing, guard).create(CONV1, new ReuseSetting(3, 1),
                null, 1L)).hasMessageContaining("broke its contract while creating its clustering for conv1 at "
                        + "{L=3, H=1}: it returned null");
    }

    @Test
    void aStrategyFailureNamesTheStrategyAndAnotherPluginsFailureInsideItStaysThatPlugins() {
        var clusteringFailure = new PluginFailedException("clustering x failed", null);
        var strategy = new GuardedStrategy((layer, current, view) -> {
            if (layer.name().equals("conv1")) {
                throw clusteringFailure; // as when the strategy's probe runs a failing clustering
            }
            throw new ArithmeticException("/ by zero");
        }, guard(PluginKind.STRATEGY, "greedy"));

        assertThatThrownBy(() -> strategy.decide(CONV1, null, null)).isSameAs(clusteringFailure);
        assertThatThrownBy(() -> strategy.decide(new LayerShape("conv2", 1, 4, 3, 1, 1), null, null))
                .isInstanceOf(PluginFailedException.class)
                .hasMessageStartingWith("strategy greedy from plugin 'acme' 1.0.0 (jar /plugins/acme.jar) failed "
                        + "while deciding conv2's setting: ArithmeticException: / by zero (at ")
                .hasMessageEndingWith(FIX + "--strategy");
    }

    @Test
    void aStateWithANullValueBreaksTheContract() {
        var strategy = new GuardedStrategy(new adr.spi.strategy.AdaptationStrategy() {
            @Override
            public adr.spi.strategy.LayerDecision decide(LayerShape layer, ReuseSetting current,
                    adr.spi.strategy.TrainingView view) {
                return adr.spi.strategy.LayerDecision.exact("test");
            }

            @Override
            public java.util.Map<String, String> state(LayerShape layer) {
                return java.util.Collections.singletonMap("floor", null);
            }
        }, guard(PluginKind.STRATEGY, "forgetful"));

        assertThatThrownBy(() -> strategy.state(CONV1)).isInstanceOf(PluginFailedException.class)
                .hasMessageContaining("broke its contract while saving its state of conv1: it returned a null map,"
                        + " key or value").hasMessageEndingWith(FIX + "--strategy");
    }

    @Test
    void nullDecisionsAndScopesBreakTheContract() {
        var strategy = new GuardedStrategy((layer, current, view) -> null, guard(PluginKind.STRATEGY, "lazy"));
        var policy = new GuardedPolicy((layer, proposed, view) -> null, guard(PluginKind.POLICY, "lazy"));
        var working = new GuardedPolicy((layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS,
                guard(PluginKind.POLICY, "ok"));

        assertThatThrownBy(() -> strategy.decide(CONV1, null, null)).isInstanceOf(PluginFailedException.class)
                .hasMessageContaining("broke its contract while deciding conv1's setting: it returned null instead "
                        + "of a decision");
        assertThatThrownBy(() -> policy.scope(CONV1, SETTING, null)).isInstanceOf(PluginFailedException.class)
                .hasMessageContaining("broke its contract while choosing what conv1 reuses at {L=3, H=2}: it "
                        + "returned null instead of a scope").hasMessageEndingWith(FIX + "--policy");
        assertThat(working.scope(CONV1, SETTING, null)).isEqualTo(ReuseScope.FORWARD_AND_WEIGHTS);
        var silent = new GuardedPolicy(new adr.spi.reuse.ReusePolicy() {
            @Override
            public ReuseScope scope(LayerShape layer, ReuseSetting proposed, adr.spi.strategy.TrainingView view) {
                return ReuseScope.EXACT;
            }

            @Override
            public String whyExact(LayerShape layer, ReuseSetting proposed) {
                return null;
            }
        }, guard(PluginKind.POLICY, "silent"));
        assertThat(silent.whyExact(CONV1, SETTING)).as("no reason, not 'null'").isEmpty();
    }
}

package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.core.nn.Conv2d;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.ConvGeometry;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.train.StepContext;
import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.TrainingView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A checkpoint keeps every convolution's setting, and a continued run hands them to its strategy once. */
class ResumedSettingsTest {

    /** A 3x3 convolution of {@code in} channels to 3, same padding. */
    private static Conv2d conv(String name, int in) {
        return new Conv2d(name, new ConvGeometry(in, 3, 3, 1, 1), ConvAlgorithm.NATIVE,
                Nd4j.rand(DataType.FLOAT, 3, in, 3, 3), Nd4j.zeros(DataType.FLOAT, 3), false);
    }

    @Test
    void settingsRoundTripThroughTheCheckpointEntries() {
        Map<String, String> entries = SavedReuse.entries(List.of(LayerState.exact("conv1"),
                new LayerState("conv2", new ReuseSetting(25, 8), ReuseScope.FORWARD_AND_WEIGHTS, null)));
        Map<String, String> config = new LinkedHashMap<>(Map.of("epochs", "3", "reuse-setting.conv3", "25:x"));
        config.putAll(entries);
        Map<String, ReuseSetting> read = new LinkedHashMap<>();

        SavedReuse.forEach(config, read::put);

        assertThat(entries).containsExactly(Map.entry("reuse-setting.conv1", "exact"),
                Map.entry("reuse-setting.conv2", "25:8"));
        assertThat(read).as("an entry that does not parse is passed over").containsOnlyKeys("conv1", "conv2")
                .containsEntry("conv1", null).containsEntry("conv2", new ReuseSetting(25, 8));
    }

    @Test
    void aStrategyThatFailsToResumeIsNotPassedOver() {
        Network network = new Network("one-conv", new long[] {1, 6, 6}, List.of(conv("conv1", 1)));
        AdaptationStrategy failing = new AdaptationStrategy() {
            @Override
            public LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view) {
                return LayerDecision.exact("test");
            }

            @Override
            public void resume(LayerShape layer, ReuseSetting saved, TrainingView view) {
                throw new IllegalStateException("cannot resume " + saved);
            }
        };
        ReuseController controller = new ReuseController(network,
                new ReuseProbeTest.TestClustering(() -> new FixedClustering(2)), Config.defaults(List.of()), failing,
                (layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS, new Seeds(3), change -> { });
        controller.resumeFrom(Map.of("reuse-setting.conv1", "9:2"));

        assertThatThrownBy(() -> controller.beforeStep(new StepContext(2, 40, 30, 90, new int[] {0, 1})))
                .hasMessage("cannot resume {L=9, H=2}");
    }

    @Test
    void theStrategyHearsEachSavedLayerOnceBeforeItsFirstDecision() {
        Network network = new Network("two-convs", new long[] {1, 6, 6}, List.of(conv("conv1", 1), conv("conv2", 3)));
        List<String> calls = new ArrayList<>();
        AdaptationStrategy strategy = new AdaptationStrategy() {
            @Override
            public LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view) {
                calls.add("decide " + layer.name() + " at step " + view.step());
                return LayerDecision.exact("test");
            }

            @Override
            public void resume(LayerShape layer, ReuseSetting saved, TrainingView view) {
                calls.add("resume " + layer.name() + " " + saved + " at step " + view.step());
            }
        };
        ReuseController controller = new ReuseController(network,
                new ReuseProbeTest.TestClustering(() -> new FixedClustering(2)), Config.defaults(List.of()), strategy,
                (layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS, new Seeds(3), change -> { });
        controller.resumeFrom(Map.of("seed", "1", "reuse-setting.conv2", "9:2", "reuse-setting.conv9", "exact"));

        controller.beforeStep(new StepContext(2, 40, 30, 90, new int[] {0, 1}));
        controller.beforeStep(new StepContext(2, 41, 30, 90, new int[] {0, 1}));

        assertThat(calls).containsExactly("resume conv2 {L=9, H=2} at step 40", "decide conv1 at step 40",
                "decide conv2 at step 40", "decide conv1 at step 41", "decide conv2 at step 41");
    }

    @Test
    void theStrategysStateOfEachLayerIsSavedAndHandedBackOnlyToTheSameStrategy() {
        Network network = new Network("two-convs", new long[] {1, 6, 6}, List.of(conv("conv1", 1), conv("conv2", 3)));
        List<String> calls = new ArrayList<>();
        AdaptationStrategy strategy = new AdaptationStrategy() {
            @Override
            public LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view) {
                return LayerDecision.exact("test");
            }

            @Override
            public Map<String, String> state(LayerShape layer) {
                return layer.name().equals("conv2") ? Map.of("too-slow", "9:2,3:4") : Map.of();
            }

            @Override
            public void resume(LayerShape layer, ReuseSetting saved, Map<String, String> state, TrainingView view) {
                calls.add("resume " + layer.name() + " " + state);
            }
        };
        ReuseController controller = new ReuseController(network,
                new ReuseProbeTest.TestClustering(() -> new FixedClustering(2)), Config.defaults(List.of()), strategy,
                (layer, proposed, view) -> ReuseScope.FORWARD_AND_WEIGHTS, new Seeds(3), change -> { });
        Map<String, String> saved = new LinkedHashMap<>(Map.of("strategy", "budget"));
        saved.putAll(controller.checkpointEntries());

        controller.resumeFrom(SavedReuse.forStrategy(saved, "budget"));
        controller.beforeStep(new StepContext(2, 40, 30, 90, new int[] {0, 1}));
        controller.resumeFrom(SavedReuse.forStrategy(saved, "adaptive"));
        controller.beforeStep(new StepContext(2, 41, 30, 90, new int[] {0, 1}));

        assertThat(saved).containsEntry("reuse-setting.conv1", "exact").containsEntry("reuse-setting.conv2", "exact")
                .containsEntry("strategy-state.conv2.too-slow", "9:2,3:4").hasSize(4);
        assertThat(calls).containsExactly("resume conv1 {}", "resume conv2 {too-slow=9:2,3:4}", "resume conv1 {}",
                "resume conv2 {}");
    }
}

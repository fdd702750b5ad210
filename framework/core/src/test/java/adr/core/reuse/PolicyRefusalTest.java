package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.nn.Conv2d;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.ConvGeometry;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.train.StepContext;
import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReusePolicy;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.TrainingView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A strategy's setting that the policy keeps exact from the first step is recorded once, with why. */
class PolicyRefusalTest {

    @Test
    void aLayerThePolicyKeepsExactFromTheStartSaysSoOnce() {
        Conv2d conv = new Conv2d("conv1", new ConvGeometry(1, 3, 3, 1, 1), ConvAlgorithm.NATIVE,
                Nd4j.rand(DataType.FLOAT, 3, 1, 3, 3), Nd4j.zeros(DataType.FLOAT, 3), false);
        Network network = new Network("one-conv", new long[] {1, 6, 6}, List.of(conv));
        ReuseSetting coarse = new ReuseSetting(9, 2);
        List<ReuseChange> changes = new ArrayList<>();
        ReuseController controller = new ReuseController(network,
                new ReuseProbeTest.TestClustering(() -> new FixedClustering(2)), Config.defaults(List.of()),
                (layer, current, view) -> new LayerDecision(coarse, "always coarse"),
                (layer, proposed, view) -> ReuseScope.EXACT, new Seeds(3), changes::add);

        for (int step = 0; step < 3; step++) {
            controller.beforeStep(new StepContext(1, step, 3, 3, new int[] {0, 1}));
        }

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.from()).isNull();
            assertThat(change.to()).isNull();
            assertThat(change.reason()).isEqualTo("always coarse; policy keeps it exact");
        });
        assertThat(controller.kernelOf("conv1")).isNull();
    }

    @Test
    void aPolicyThatSaysWhyIsQuoted() {
        Conv2d conv = new Conv2d("conv1", new ConvGeometry(1, 3, 3, 1, 1), ConvAlgorithm.NATIVE,
                Nd4j.rand(DataType.FLOAT, 3, 1, 3, 3), Nd4j.zeros(DataType.FLOAT, 3), false);
        Network network = new Network("one-conv", new long[] {1, 6, 6}, List.of(conv));
        List<ReuseChange> changes = new ArrayList<>();
        ReusePolicy explaining = new ReusePolicy() {
            @Override
            public ReuseScope scope(LayerShape layer, ReuseSetting proposed, TrainingView view) {
                return ReuseScope.EXACT;
            }

            @Override
            public String whyExact(LayerShape layer, ReuseSetting proposed) {
                return layer.name() + " is too narrow for H=" + proposed.hashBits();
            }
        };
        ReuseController controller = new ReuseController(network,
                new ReuseProbeTest.TestClustering(() -> new FixedClustering(2)), Config.defaults(List.of()),
                (layer, current, view) -> new LayerDecision(new ReuseSetting(9, 2), "always coarse"), explaining,
                new Seeds(3), changes::add);

        controller.beforeStep(new StepContext(1, 0, 3, 3, new int[] {0, 1}));

        assertThat(changes).singleElement().extracting(ReuseChange::reason)
                .isEqualTo("always coarse; policy keeps it exact: conv1 is too narrow for H=2");
    }
}

package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.reuse.ReuseChange;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReuseSummaryTest {
    private static final ReuseSetting COARSE = new ReuseSetting(25, 4);

    private static ReuseChange change(long step, String layer, ReuseSetting to) {
        return new ReuseChange(step, layer, null, to, to == null ? ReuseScope.EXACT : ReuseScope.FORWARD_AND_WEIGHTS,
                "test");
    }

    @Test
    void countsTheStepsWhileAnyConvolutionReuses() {
        // conv1 reuses over steps 0..19, conv2 over 0..49 and again from 80 to the end (100)
        var summary = new ReuseSummary(Map.of(), List.of(change(0, "conv1", COARSE), change(0, "conv2", COARSE),
                change(20, "conv1", null), change(50, "conv2", null), change(80, "conv2", COARSE)));

        assertThat(summary.stepsWithReuse(100)).isEqualTo(50 + 20);
    }

    @Test
    void anExactRunHasNoReusedStep() {
        assertThat(ReuseSummary.EXACT.stepsWithReuse(313)).isZero();
    }

    @Test
    void changesAfterTheLastStepDoNotCount() {
        var summary = new ReuseSummary(Map.of(), List.of(change(0, "conv1", COARSE), change(500, "conv1", null)));
        assertThat(summary.stepsWithReuse(313)).isEqualTo(313);
    }
}

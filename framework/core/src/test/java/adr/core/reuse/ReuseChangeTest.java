package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import org.junit.jupiter.api.Test;

class ReuseChangeTest {

    @Test
    void aChangeToReuseSaysWhatTheLayerReusesAndAChangeToExactDoesNot() {
        ReuseSetting coarse = new ReuseSetting(25, 4);

        assertThat(new ReuseChange(0, "conv1", null, coarse, ReuseScope.FORWARD_AND_WEIGHTS, "start"))
                .hasToString("step 0 conv1: exact -> {L=25, H=4} reusing forward+weights (start)");
        assertThat(new ReuseChange(2, "conv1", coarse, null, ReuseScope.EXACT, "too coarse"))
                .hasToString("step 2 conv1: {L=25, H=4} -> exact (too coarse)");
    }

    @Test
    void aSettingNotFollowedReadsAsStayingExact() {
        assertThat(new ReuseChange(0, "conv1", null, null, ReuseScope.EXACT, "fixed; policy keeps it exact"))
                .hasToString("step 0 conv1: stays exact (fixed; policy keeps it exact)");
    }

    @Test
    void scopeLabelsJoinTheReusedParts() {
        assertThat(ReuseChange.scopeLabel(ReuseScope.EXACT)).isEqualTo("exact");
        assertThat(ReuseChange.scopeLabel(ReuseScope.named("forward"))).isEqualTo("forward");
        assertThat(ReuseChange.scopeLabel(ReuseScope.named("all").withClusterCache()))
                .isEqualTo("forward+weights+input+cache");
    }
}

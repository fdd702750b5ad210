package adr.spi.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cluster cache part of a scope. */
class ReuseScopeTest {

    @Test
    void withClusterCacheKeepsWhatIsReusedAndLeavesExactAlone() {
        assertThat(ReuseScope.named("all").withClusterCache()).isEqualTo(new ReuseScope(true, true, true, true));
        assertThat(ReuseScope.FORWARD_AND_WEIGHTS.withClusterCache())
                .isEqualTo(new ReuseScope(true, true, false, true));
        assertThat(ReuseScope.EXACT.withClusterCache()).isSameAs(ReuseScope.EXACT);
    }

    @Test
    void aCacheNeedsForwardReuse() {
        assertThatThrownBy(() -> new ReuseScope(false, false, false, true))
                .hasMessage("gradient or cluster reuse needs forward reuse");
    }
}

package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoundTimesTest {

    @Test
    void reportsTheMedianRoundByThroughput() {
        // Rounds of two 10-image steps taking 20 ms, 40 ms and 10 ms in total.
        RoundTimes t = new RoundTimes("x", 10, new long[][] {
                {10_000_000, 10_000_000}, {20_000_000, 20_000_000}, {5_000_000, 5_000_000}});
        assertThat(t.medianRound()).isZero();
        assertThat(t.imagesPerSecond()).isCloseTo(1000.0, within(1e-9));
        assertThat(t.msPerStep()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void takesTheLowerMedianOfAnEvenRoundCount() {
        RoundTimes t = new RoundTimes("x", 1, new long[][] {{1_000_000}, {2_000_000}, {3_000_000}, {4_000_000}});
        assertThat(t.msPerStep()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void medianStepIsOverAllTimedSteps() {
        RoundTimes t = new RoundTimes("x", 1, new long[][] {{1_000_000, 9_000_000}, {2_000_000, 3_000_000}});
        assertThat(t.medianStepMs()).isCloseTo(2.5, within(1e-9));
    }
}

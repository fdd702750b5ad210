package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NiceTicksTest {

    @Test
    void secondsGetWholeRoundSteps() {
        NiceTicks ticks = NiceTicks.of(0, 32.8, 5);

        assertThat(ticks.step()).isEqualTo(10);
        assertThat(ticks.values()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
        assertThat(ticks.label(20)).isEqualTo("20");
    }

    @Test
    void accuraciesGetDecimalStepsAndTheAxisWidensToWholeSteps() {
        NiceTicks ticks = NiceTicks.of(0.679, 0.79, 5);

        assertThat(ticks.step()).isCloseTo(0.05, within(1e-12));
        assertThat(ticks.low()).isCloseTo(0.65, within(1e-12));
        assertThat(ticks.high()).isCloseTo(0.80, within(1e-12));
        assertThat(ticks.values()).hasSize(4);
        assertThat(ticks.label(ticks.values().get(1))).isEqualTo("0.70");
    }

    @Test
    void aValueOnATickStaysTheEndOfTheAxis() {
        NiceTicks ticks = NiceTicks.of(0.6, 0.9, 3);

        assertThat(ticks.low()).isCloseTo(0.6, within(1e-12));
        assertThat(ticks.high()).isCloseTo(0.9, within(1e-12));
        assertThat(ticks.values()).hasSize(4);
    }

    @Test
    void anEmptyRangeStillHasTicks() {
        assertThat(NiceTicks.of(5, 5, 5).values()).hasSizeGreaterThan(1);
    }
}

package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adr.core.experiment.ExperimentConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TimeSavedTest {
    /** 10 warm-up steps in 1 s, then 50 ms per step. */
    private static final ExactReference PACE = new ExactReference(new ExactPace(10, 1.0, 50, 0.05), null);

    @Test
    void savedTimeIsOneMinusReuseOverTheExactEstimate() {
        TimeSaved faster = new TimeSaved("adaptive", 100, 100, 3.0, PACE);
        assertThat(faster.exactSeconds()).isCloseTo(1.0 + 90 * 0.05, within(1e-9));
        assertThat(faster.fraction()).isCloseTo(1 - 3.0 / 5.5, within(1e-9));
        assertThat(faster.jsonFields()).containsEntry("exact_measured_steps", 50);

        TimeSaved slower = new TimeSaved("fixed", 100, 100, 8.25, PACE);
        assertThat(slower.fraction()).isCloseTo(-0.5, within(1e-9));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        slower.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("fixed run        8.3 s for 100 steps")
                .contains("exact, estimated 5.5 s (the first 10 steps as measured, 1.0 s, then 50.0 ms per step, the"
                        + " mean of the next 50 measured exact steps)")
                .contains("time saved       -50.0% (reuse was slower")
                .contains("reuse ran in     100 of 100 steps");
    }

    @Test
    void aGainOnMostlyExactStepsIsCalledSpread() {
        TimeSaved mostlyExact = new TimeSaved("adaptive", 100, 20, 5.0, PACE);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        mostlyExact.print(new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("time saved       9.1% (most steps were exact: within this machine's run-to-run spread)")
                .contains("reuse ran in     20 of 100 steps");
        assertThat(mostlyExact.jsonFields()).containsEntry("steps_with_reuse", 20L);
    }

    @Test
    void aLossOnMostlyExactStepsIsNotBlamedOnReuseAlone() {
        TimeSaved mostlyExact = new TimeSaved("adaptive", 100, 20, 7.0, PACE);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        mostlyExact.print(new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(text.toString(StandardCharsets.UTF_8)).contains("time saved       -27.3% (most steps were exact: "
                + "the reuse steps and the strategy's measurements cost time, the rest is this machine's run-to-run "
                + "spread)");
    }

    @Test
    void theFasterOfTheExactMeansMeasuredBeforeAndAfterTheRunIsTheReference() {
        var exact = new ExactReference(new ExactPace(10, 1.0, 50, 0.08), new ExactPace(10, 0.6, 50, 0.05));
        TimeSaved saved = new TimeSaved("adaptive", 100, 100, 5.5, exact);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        saved.print(new PrintStream(text, true, StandardCharsets.UTF_8));

        // the warm-up as measured before the run, then the faster mean
        assertThat(saved.exactSeconds()).isCloseTo(1.0 + 90 * 0.05, within(1e-9));
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("then 50.0 ms per step, the faster mean of 50 exact"
                + " steps measured before the run (80.0 ms) and after it (50.0 ms))");
        assertThat(saved.jsonFields()).containsEntry("exact_seconds_per_step_before", 0.08)
                .containsEntry("exact_seconds_per_step_after", 0.05);
    }

    @Test
    void theExactPaceIsMeasuredOnRealStepsAfterTheWarmUp() {
        ExperimentConfig run = ExperimentConfig.defaults().withLimits(1, 20000, 0);
        ExactPace pace = ExactPace.measure(run);
        assertThat(pace.measuredSteps()).isEqualTo(ExactPace.MEASURED_STEPS);
        assertThat(pace.warmupSteps()).isEqualTo(ExactPace.WARMUP_STEPS);
        assertThat(pace.warmupSeconds()).isPositive();
        // a CifarNet step of 64 images is milliseconds to a second on any machine this runs on
        assertThat(pace.secondsPerStep()).isBetween(1e-3, 5.0);
    }
}

package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedRunsTest {

    private static RunRecord run(String name, double wall, double accuracy) {
        return new RunRecord(name, wall, wall, 1000 / wall, accuracy, List.of(accuracy), List.of(wall), 1.0, 0);
    }

    @Test
    void reportsTheRunWithTheMedianWallTime() {
        RepeatedRuns runs = new RepeatedRuns("fixed", List.of(run("fixed", 60, 0.80), run("fixed", 40, 0.81),
                run("fixed", 50, 0.82)));
        assertThat(runs.median().testAccuracy()).isEqualTo(0.82);
        assertThat(runs.wallSpread()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void takesTheFasterOfTwoMiddleRunsAsTheLowerMedian() {
        RepeatedRuns runs = new RepeatedRuns("exact", List.of(run("exact", 30, 0.9), run("exact", 20, 0.9)));
        assertThat(runs.median().wallSeconds()).isEqualTo(20);
    }

    @Test
    void comparesMediansAndRoundsWithTheExactEntry() {
        RepeatedRuns exact = new RepeatedRuns("exact", List.of(run("exact", 100, 0.9), run("exact", 200, 0.9),
                run("exact", 120, 0.9)));
        RepeatedRuns fast = new RepeatedRuns("adaptive", List.of(run("adaptive", 50, 0.9), run("adaptive", 100, 0.9),
                run("adaptive", 90, 0.9)));

        assertThat(fast.timeSavedVs(exact)).isCloseTo(1 - 90.0 / 120, within(1e-12));
        assertThat(fast.timeSavedByRound(exact)).containsExactly(0.5, 0.5, 0.25);
        var json = fast.json(exact);
        assertThat(json.get("rounds")).isEqualTo(3);
        assertThat(json.get("wall_seconds")).isEqualTo(90.0);
        assertThat((double) json.get("time_saved_vs_exact")).isCloseTo(0.25, within(1e-12));
        assertThat(json.get("wall_seconds_by_round")).isEqualTo(List.of(50.0, 100.0, 90.0));
    }

    @Test
    void aSingleRoundHasNoSpread() {
        RepeatedRuns once = new RepeatedRuns("exact", List.of(run("exact", 42, 0.9)));
        assertThat(once.wallSpread()).isZero();
        assertThat(once.timeSavedVs(once)).isZero();
    }

    @Test
    void refusesAnEntryWithoutRuns() {
        assertThatThrownBy(() -> new RepeatedRuns("exact", List.of())).hasMessage("exact: no runs");
    }
}

package adr.tracking.projection;

import static adr.tracking.projection.TestRun.completed;
import static adr.tracking.projection.TestRun.started;
import static adr.tracking.projection.TestRun.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adr.spi.events.Event;
import adr.tracking.events.ReuseConfigChanged;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    private static List<RunHistory> histories(TestRun... runs) {
        List<Event> events = new ArrayList<>();
        Stream.of(runs).forEach(r -> events.addAll(r.events()));
        RunRegistry registry = RunRegistry.replay(new ListSource(events), w -> { },
                Clock.fixed(TestRun.T0, ZoneOffset.UTC), id -> false);
        return Stream.of(runs).map(r -> registry.find(r.events().get(0).runId()).orElseThrow()).toList();
    }

    private static ReuseConfigChanged change(String layer, String to, String reason) {
        return new ReuseConfigChanged(layer, "exact", to, "forward+weights+input", reason, 1, 0);
    }

    @Test
    void timeSavedIsMeasuredAgainstTheExactRun() {
        TestRun reuse = new TestRun("reuse").add(started("fixed", false))
                .add(change("conv1", "L=25 H=8", "start")).add(change("conv2", "L=25 H=8", "start"))
                .add(completed(0.84, 40, 0.25));
        TestRun exact = new TestRun("exact").add(started("exact", false)).add(completed(0.85, 100, 1.0));
        TestRun running = new TestRun("running").add(started("fixed", false)).add(step(1, 0, 0.2))
                .add(step(1, 10, 0.4));

        RunComparison comparison = RunComparison.of(histories(reuse, exact, running));

        assertThat(comparison.baselines()).extracting(RunComparison.Baseline::runId).containsExactly("exact");
        RunComparison.Row r = comparison.rows().get(0);
        assertThat(r.runId()).isEqualTo("reuse");
        assertThat(r.setting()).isEqualTo("L=25 H=8");
        assertThat(r.meanRemainingRatio().getAsDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(r.wallSeconds()).isEqualTo(OptionalDouble.of(40));
        assertThat(r.imagesPerSecond()).isEqualTo(OptionalDouble.of(25));
        assertThat(r.finalAccuracy()).isEqualTo(OptionalDouble.of(0.84));
        assertThat(r.timeSaved().getAsDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(r.baseline()).contains("exact");
        RunComparison.Row e = comparison.rows().get(1);
        assertThat(e.setting()).isEqualTo("exact");
        assertThat(e.timeSaved().getAsDouble()).isZero();
        RunComparison.Row running2 = comparison.rows().get(2);
        assertThat(running2.status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(running2.setting()).isEqualTo("L=25 H=8"); // from the configuration, before any change
        assertThat(running2.meanRemainingRatio().getAsDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(running2.imagesPerSecond()).isEqualTo(OptionalDouble.of(900));
        assertThat(running2.wallSeconds()).isEmpty();
        assertThat(running2.timeSaved()).isEmpty();
    }

    @Test
    void aFinishedRunWithoutChangesStayedExactWhateverItsLAndH() {
        TestRun budget = new TestRun("budget").add(started("budget", false)).add(completed(0.8, 10, 1.0));
        TestRun fixed = new TestRun("fixed").add(started("fixed", false)).add(completed(0.8, 10, 1.0));
        TestRun staged = new TestRun("staged").add(started("staged", false)).add(step(1, 0, 1.0));

        assertThat(RunComparison.of(histories(budget, fixed, staged)).rows()).extracting(RunComparison.Row::setting)
                .containsExactly("exact", "exact", "exact");
    }

    @Test
    void withoutAnExactRunNothingIsSaved() {
        TestRun a = new TestRun("a").add(started("fixed", false)).add(completed(0.8, 40, 0.3));
        TestRun b = new TestRun("b").add(started("fixed", false)).add(completed(0.8, 50, 0.3));

        RunComparison comparison = RunComparison.of(histories(a, b));

        assertThat(comparison.baselines()).isEmpty();
        assertThat(comparison.rows()).allSatisfy(row -> assertThat(row.timeSaved()).isEmpty());
        assertThat(comparison.notes()).isEmpty();
    }

    @Test
    void aResumedRunOrOneOfOtherWorkHasNoTimeSavedAndANoteSayingWhy() {
        TestRun exactResumed = new TestRun("exact-resumed").add(started("exact", false))
                .add(started("exact", true)).add(completed(0.85, 30, 1.0));
        TestRun exact = new TestRun("exact").add(started("exact", false)).add(completed(0.85, 100, 1.0));
        TestRun resumed = new TestRun("resumed").add(started("fixed", false)).add(started("fixed", true))
                .add(completed(0.84, 20, 0.25));
        TestRun longer = new TestRun("longer").add(started("fixed", false, 400)).add(completed(0.86, 80, 0.25));
        TestRun same = new TestRun("same").add(started("fixed", false)).add(completed(0.84, 50, 0.25));

        RunComparison comparison = RunComparison.of(histories(exactResumed, exact, resumed, longer, same));

        assertThat(comparison.baselines()).extracting(RunComparison.Baseline::runId).containsExactly("exact");
        assertThat(comparison.rows()).extracting(RunComparison.Row::timeSaved).containsExactly(OptionalDouble.empty(),
                OptionalDouble.of(0), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(0.5));
        assertThat(comparison.notes()).containsExactly(
                "exact-resumed: no time saved: it was resumed, and its wall time covers only its last process",
                "resumed: no time saved: it was resumed, and its wall time covers only its last process",
                "longer: no time saved: no exact run among them trained the same work (cifarnet on fashion-mnist,"
                        + " 400 steps over 1000 images)");
    }

    @Test
    void eachRunIsSetAgainstTheFirstExactRunOfItsOwnWork() {
        TestRun shortExact = new TestRun("short-exact").add(started("exact", false)).add(completed(0.8, 100, 1.0));
        TestRun longExact = new TestRun("long-exact").add(started("exact", false, 400)).add(completed(0.85, 200, 1.0));
        TestRun longExactAgain = new TestRun("long-exact-2").add(started("exact", false, 400))
                .add(completed(0.85, 220, 1.0));
        TestRun longReuse = new TestRun("long-reuse").add(started("fixed", false, 400)).add(completed(0.84, 150, 0.3));
        TestRun shortReuse = new TestRun("short-reuse").add(started("fixed", false)).add(completed(0.79, 50, 0.3));

        RunComparison comparison = RunComparison.of(histories(shortExact, longExact, longExactAgain, longReuse,
                shortReuse));

        assertThat(comparison.baselines()).containsExactly(
                new RunComparison.Baseline("short-exact", "cifarnet on fashion-mnist, 200 steps over 1000 images"),
                new RunComparison.Baseline("long-exact", "cifarnet on fashion-mnist, 400 steps over 1000 images"));
        assertThat(comparison.rows()).extracting(row -> row.baseline().orElseThrow()).containsExactly("short-exact",
                "long-exact", "long-exact", "long-exact", "short-exact");
        assertThat(comparison.rows()).extracting(row -> row.timeSaved().getAsDouble()).containsExactly(0.0, 0.0,
                1 - 220.0 / 200, 0.25, 0.5);
        assertThat(comparison.notes()).isEmpty();
    }

    @Test
    void layersWithDifferentSettingsAreListedWithTheLastChangeEach() {
        TestRun run = new TestRun("a").add(started("adaptive", false))
                .add(change("conv1", "L=25 H=8", "start")).add(change("conv2", "L=10 H=6", "start"))
                .add(change("conv1", "L=25 H=10", "loss plateau"));

        String setting = RunComparison.of(histories(run)).rows().get(0).setting();

        assertThat(setting).isEqualTo("conv1 L=25 H=10, conv2 L=10 H=6");
    }
}

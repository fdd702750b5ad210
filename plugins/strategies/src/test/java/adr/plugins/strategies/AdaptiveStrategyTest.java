package adr.plugins.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.plugins.strategies.ScriptedRun.Change;
import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.ProbeResult;
import adr.spi.strategy.TrainingView.LayerStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Adaptive decisions on scripted losses, accuracies and measurements (defaults: window 20, patience 5). */
class AdaptiveStrategyTest {
    private static final LayerShape CONV1 = new LayerShape("conv1", 1, 64, 5, 1, 2);
    private static final LayerShape CONV2 = new LayerShape("conv2", 64, 64, 5, 1, 2);
    private static final ReuseSetting COARSEST = new ReuseSetting(25, 4);

    private static AdaptationStrategy adaptive(Map<String, String> options) {
        var factory = new AdaptiveStrategy.Factory();
        List<String> errors = new ArrayList<>();
        Config config = Config.resolve("adaptive", factory.configKeys(), options, errors);
        assertThat(errors).isEmpty();
        return factory.create(config);
    }

    private static AdaptationStrategy adaptive() {
        return adaptive(Map.of());
    }

    @Test
    void startsAtTheCoarsestLevelWithLCappedAtTheRow() {
        var run = new ScriptedRun(adaptive(Map.of("ladder", "64:4,32:4,16:4")), i -> 1.0, CONV1, CONV2).until(1);

        assertThat(run.changes()).containsExactly(
                new Change(0, "conv1", COARSEST, "adaptive: start at the coarsest level"),
                new Change(0, "conv2", new ReuseSetting(64, 4), "adaptive: start at the coarsest level"));
    }

    @Test
    void aContinuedRunResumesEachLayerWhereItsCheckpointHadIt() {
        AdaptationStrategy strategy = adaptive();
        var view = new ProbingView(300, (step, layer, setting) -> Optional.empty(), new ArrayList<>());

        strategy.resume(CONV1, null, view);
        strategy.resume(CONV2, new ReuseSetting(25, 8), view);

        assertThat(strategy.decide(CONV1, null, view))
                .isEqualTo(LayerDecision.exact("adaptive: resumed exact, as when the checkpoint was saved"));
        assertThat(strategy.decide(CONV2, null, view)).isEqualTo(new LayerDecision(new ReuseSetting(25, 8),
                "adaptive: resumed at {L=25, H=8}, the level when the checkpoint was saved"));
    }

    @Test
    void aSavedSettingNotOnTheLadderStartsTheLayerAfresh() {
        AdaptationStrategy strategy = adaptive();
        var view = new ProbingView(300, (step, layer, setting) -> Optional.empty(), new ArrayList<>());

        strategy.resume(CONV2, new ReuseSetting(5, 10), view);

        assertThat(strategy.decide(CONV2, null, view)).isEqualTo(new LayerDecision(COARSEST,
                "adaptive: start at the coarsest level"));
    }

    @Test
    void aResumedLevelIsCheckedAgainAndIsTheFloor() {
        AdaptationStrategy strategy = adaptive();
        ReuseSetting h8 = new ReuseSetting(25, 8);
        List<String> probes = new ArrayList<>();
        // within max-error: the level stays; its error is measured again from the continued run's second step
        ProbingView.Script within = (step, layer, setting) -> step == 300 ? Optional.empty()
                : Optional.of(ProbingView.result(0.1, 0.05));
        strategy.resume(CONV2, h8, new ProbingView(300, within, probes));

        assertThat(strategy.decide(CONV2, null, new ProbingView(300, within, probes)).setting()).isEqualTo(h8);
        assertThat(strategy.decide(CONV2, h8, new ProbingView(301, within, probes)).setting()).isEqualTo(h8);
        assertThat(probes).contains("301 conv2 25:8 error");
    }

    @Test
    void theFloorIsSavedAndAContinuedRunMovesCoarserDownToItButNoFurther() {
        AdaptationStrategy strategy = adaptive(Map.of("window", "2", "patience", "1", "max-error", "0",
                "min-speedup", "0"));
        assertThat(strategy.state(CONV2)).as("before its first decision").isEmpty();
        strategy.resume(CONV2, new ReuseSetting(25, 10), Map.of("floor", "25:6"), new ProbingView(300,
                (step, layer, setting) -> Optional.empty(), new ArrayList<>()));
        assertThat(strategy.state(CONV2)).containsExactly(Map.entry("floor", "25:6"));

        List<Double> falling = new ArrayList<>();
        ReuseSetting current = new ReuseSetting(25, 10);
        List<ReuseSetting> visited = new ArrayList<>();
        for (long step = 300; step < 340; step++) {
            falling.add(Math.pow(0.5, step - 300));
            current = strategy.decide(CONV2, current, new ScriptedView(step, 1, List.copyOf(falling), List.of(),
                    Map.of())).setting();
            visited.add(current);
        }

        assertThat(visited).contains(new ReuseSetting(25, 8), new ReuseSetting(25, 6))
                .doesNotContain(COARSEST);
        var older = adaptive();
        older.resume(CONV2, new ReuseSetting(25, 8), Map.of("floor", "25:10"), new ProbingView(300,
                (step, layer, setting) -> Optional.empty(), new ArrayList<>()));
        assertThat(older.state(CONV2)).as("a floor finer than the level is not taken: the level is")
                .containsExactly(Map.entry("floor", "25:8"));
    }

    @Test
    void aLevelTheBatchIsTooLargeForGivesWayToTheFirstFinerOneThatFits() {
        var view = new ProbingView(0, (step, layer, setting) -> Optional.empty(), new ArrayList<>(), List.of(),
                s -> s.hashBits() < 8);

        LayerDecision decision = adaptive().decide(CONV2, null, view);

        assertThat(decision).isEqualTo(new LayerDecision(new ReuseSetting(25, 8), "adaptive: start at the coarsest"
                + " level; batch 64 too large to reuse L=25 H=4, so {L=25, H=8}, the first finer level that fits"));
    }

    @Test
    void whenTheBatchIsTooLargeForEveryLevelTheLayerIsExact() {
        var view = new ProbingView(0, (step, layer, setting) -> Optional.empty(), new ArrayList<>(), List.of(),
                s -> true);

        LayerDecision decision = adaptive().decide(CONV2, null, view);

        assertThat(decision).isEqualTo(LayerDecision.exact("adaptive: start at the coarsest level; batch 64 too large"
                + " to reuse L=25 H=4, and no finer level fits, exact"));
    }

    @Test
    void aStalledLossMovesFinerAfterTwoWindowsAndTheCooldown() {
        // falls 0.02% per step: about 0.4% per window, below the 1% that counts as progress
        var run = new ScriptedRun(adaptive(), i -> 2 - 0.0004 * i, CONV2).until(60);

        assertThat(run.changes()).containsExactly(
                new Change(0, "conv2", COARSEST, "adaptive: start at the coarsest level"),
                new Change(40, "conv2", new ReuseSetting(25, 6), "loss stalled: -0.4% over 20 steps, finer"));
    }

    @Test
    void theCooldownSpacesChangesAndTheLadderEndsExact() {
        var run = new ScriptedRun(adaptive(Map.of("cooldown", "30")), i -> 1.0, CONV2).until(300);

        assertThat(run.changes()).extracting(Change::step).containsExactly(0L, 40L, 70L, 100L, 130L);
        assertThat(run.changes().get(4))
                .isEqualTo(new Change(130, "conv2", null,
                        "loss stalled: +0.0% over 20 steps, exact after the last level"));
        assertThat(run.setting("conv2")).isNull();
    }

    @Test
    void aSteadilyFallingLossKeepsTheStartLevel() {
        var run = new ScriptedRun(adaptive(), i -> Math.exp(-0.01 * i), CONV2).until(300);

        assertThat(run.changes()).hasSize(1);
        assertThat(run.setting("conv2")).isEqualTo(COARSEST);
    }

    @Test
    void healthyProgressMovesCoarserOnlyAfterPatienceWindows() {
        // flat until step 40 (finer there), then falling 8.9% (against the flat window) to 18% per window
        var run = new ScriptedRun(adaptive(), i -> i < 40 ? 1.0 : Math.exp(-0.01 * (i - 40)), CONV2).until(139);
        assertThat(run.setting("conv2")).isEqualTo(new ReuseSetting(25, 6));

        run.until(300);
        assertThat(run.changes()).hasSize(3);
        Change coarser = run.changes().get(2);
        assertThat(coarser.step()).isEqualTo(140);
        assertThat(coarser.to()).isEqualTo(COARSEST);
        assertThat(coarser.reason()).isEqualTo("loss falling: by 8.9% or more per 20 steps for 5 windows, coarser");
    }

    @Test
    void aTestAccuracyDropMovesEveryLayerFinerAtOnce() {
        var run = new ScriptedRun(adaptive(), i -> Math.exp(-0.01 * i), CONV1, CONV2).until(5);
        run.accuracies(0.80).until(6);
        assertThat(run.changes()).hasSize(2);

        run.accuracies(0.80, 0.78).until(20);
        assertThat(run.changes()).hasSize(4).last()
                .isEqualTo(new Change(6, "conv2", new ReuseSetting(25, 6),
                        "test accuracy fell: 80.00% -> 78.00%, finer"));
        assertThat(run.setting("conv1")).isEqualTo(new ReuseSetting(25, 6));
    }

    @Test
    void aHighMeasuredRatioTurnsTheLayerExact() {
        var run = new ScriptedRun(adaptive(), i -> Math.exp(-0.01 * i), CONV1, CONV2).until(1);
        run.stats(Map.of("conv1", new LayerStats(0.3, 0.01, true), "conv2", new LayerStats(0.62, 0.01, true)))
                .until(2);

        assertThat(run.changes()).last().isEqualTo(new Change(1, "conv2", null, "no gain: r_c 0.62"));
        assertThat(run.setting("conv1")).isEqualTo(COARSEST);

        // exact steps measure r_c 1 and their own time; the layer stays exact, the other is not touched
        run.stats(Map.of("conv1", new LayerStats(0.3, 0.01, true), "conv2", new LayerStats(1, 0.012, false)))
                .until(30);
        assertThat(run.changes()).hasSize(3);
    }

    @Test
    void anExactStepIsNotTakenForNoGain() {
        // timed exact steps (SPI 1.3) and the SPI 1.2 form, r_c 1 in 0 s
        for (LayerStats exactStep : List.of(new LayerStats(1, 0.012, false), new LayerStats(1, 0))) {
            var strategy = adaptive();
            var view = new ScriptedView(3, 1, List.of(), List.of(), Map.of("conv2", exactStep));

            // the policy kept the layer exact: no current setting, exact-step statistics
            assertThat(strategy.decide(CONV2, null, view).setting()).as(exactStep.toString()).isEqualTo(COARSEST);
            assertThat(strategy.decide(CONV2, COARSEST, view).setting()).as(exactStep.toString())
                    .isEqualTo(COARSEST);
        }
    }

    /** Decides before steps {@code 0 ..< until} on probing views; returns each step's setting of conv2. */
    private static List<ReuseSetting> probedRun(AdaptationStrategy strategy, long until, ProbingView.Script script,
            List<String> probes) {
        List<ReuseSetting> settings = new ArrayList<>();
        ReuseSetting current = null;
        for (long step = 0; step < until; step++) {
            current = strategy.decide(CONV2, current, new ProbingView(step, script, probes)).setting();
            settings.add(current);
        }
        return settings;
    }

    private static ProbingView.Script timed(double exactSeconds, double reuseSeconds) {
        // the first probe only starts recording the input, as in the engine
        return (step, layer, setting) -> step <= 1 ? Optional.empty()
                : Optional.of(new ProbeResult(0.1, 0.05, exactSeconds, reuseSeconds));
    }

    @Test
    void aReuseStepSlowerThanExactTurnsTheLayerExactAfterTheCooldown() {
        var strategy = adaptive();
        List<String> probes = new ArrayList<>();
        List<ReuseSetting> settings = probedRun(strategy, 30, timed(0.005, 0.040), probes);

        assertThat(settings.subList(0, 20)).containsOnly(COARSEST);
        assertThat(settings.subList(20, 30)).containsOnlyNulls();
        // recording starts at the level's first step, its error is measured at the next, its speed after the cooldown
        assertThat(probes).containsExactly("1 conv2 25:4 error", "2 conv2 25:4 error", "20 conv2 25:4",
                "20 conv2 25:4", "20 conv2 25:4");
        assertThat(strategy.decide(CONV2, null, new ProbingView(30, timed(0.005, 0.040), probes)).reason())
                .isEqualTo("no gain: reuse step 40.0 ms against exact 5.0 ms");
    }

    @Test
    void aFasterReuseStepKeepsTheLevelAndIsTimedOnce() {
        List<String> probes = new ArrayList<>();
        List<ReuseSetting> settings = probedRun(adaptive(), 60, timed(0.040, 0.010), probes);

        assertThat(settings).containsOnly(COARSEST);
        assertThat(probes).hasSize(2 + SpeedProbe.PROBES);
    }

    @Test
    void aReuseStepOnlyMarginallyFasterThanExactIsNotWorthItsErrorByDefault() {
        var strategy = adaptive();
        List<String> probes = new ArrayList<>();
        List<ReuseSetting> settings = probedRun(strategy, 30, timed(0.011, 0.010), probes);

        assertThat(settings.subList(20, 30)).containsOnlyNulls();
        assertThat(strategy.decide(CONV2, null, new ProbingView(30, timed(0.011, 0.010), probes)).reason())
                .isEqualTo("gain under min-speedup 1.25: reuse step 10.0 ms against exact 11.0 ms");
        List<ReuseSetting> lenient = probedRun(adaptive(Map.of("min-speedup", "1.05")), 30, timed(0.011, 0.010),
                new ArrayList<>());
        assertThat(lenient).containsOnly(COARSEST);
    }

    @Test
    void theLevelChecksCanBeTurnedOff() {
        List<String> probes = new ArrayList<>();
        List<ReuseSetting> settings = probedRun(adaptive(Map.of("min-speedup", "0", "max-error", "0")), 40,
                (step, layer, setting) -> step <= 1 ? Optional.empty()
                        : Optional.of(new ProbeResult(0.9, 0.05, 0.005, 0.040)), probes);

        assertThat(settings).containsOnly(COARSEST);
        assertThat(probes).isEmpty();
    }

    /** Fast levels (4x) whose output error falls with H as scripted; the first probe only starts recording. */
    private static ProbingView.Script errors(Map<Integer, Double> errorByHashBits) {
        return (step, layer, setting) -> step <= 1 ? Optional.empty()
                : Optional.of(new ProbeResult(errorByHashBits.get(setting.hashBits()), 0.05, 0.040, 0.010));
    }

    @Test
    void aLevelAboveMaxErrorMovesToTheFirstFinerLevelWithinIt() {
        var strategy = adaptive();
        List<String> probes = new ArrayList<>();
        var script = errors(Map.of(4, 0.7, 6, 0.5, 8, 0.25, 10, 0.2));
        List<ReuseSetting> settings = probedRun(strategy, 40, script, probes);

        assertThat(settings.subList(0, 2)).containsOnly(COARSEST);
        assertThat(settings.subList(2, 40)).containsOnly(new ReuseSetting(25, 8));
        // the errors at once, then the speed of the level taken after its cooldown
        // the finest level is within it, so a finer one is: the levels in between are measured in turn
        assertThat(probes).containsExactly("1 conv2 25:4 error", "2 conv2 25:4 error", "2 conv2 25:10 error",
                "2 conv2 25:6 error", "2 conv2 25:8 error", "22 conv2 25:8", "22 conv2 25:8", "22 conv2 25:8");
        assertThat(strategy.decide(CONV2, new ReuseSetting(25, 8), new ProbingView(40, script, probes)).reason())
                .isEqualTo("too coarse: output error above max-error 0.25 at {L=25, H=4} 0.70, {L=25, H=6} 0.50; "
                        + "{L=25, H=8} has 0.25, finer");
    }

    /** Adaptive with defaults on {@code script}: reuse before {@code step}, exact from it, for {@code reason}. */
    private static void assertExactFrom(long step, ProbingView.Script script, String reason) {
        var strategy = adaptive();
        List<ReuseSetting> settings = probedRun(strategy, 40, script, new ArrayList<>());

        assertThat(settings.subList(0, (int) step)).doesNotContainNull();
        assertThat(settings.subList((int) step, 40)).containsOnlyNulls();
        assertThat(strategy.decide(CONV2, null, new ProbingView(40, script, new ArrayList<>())).reason())
                .isEqualTo(reason);
    }

    @Test
    void aLayerTooCoarseAtItsLevelAndAtTheFinestTurnsExactWithoutMeasuringTheLevelsBetween() {
        var script = errors(Map.of(4, 0.77, 6, 0.64, 8, 0.54, 10, 0.46));
        assertExactFrom(2, script, "too coarse: output error above max-error 0.25 at {L=25, H=4} 0.77 and at the "
                + "finest level {L=25, H=10} 0.46");

        List<String> probes = new ArrayList<>();
        probedRun(adaptive(), 10, script, probes);
        assertThat(probes).containsExactly("1 conv2 25:4 error", "2 conv2 25:4 error", "2 conv2 25:10 error");
    }

    @Test
    void aLayerAtItsFinestLevelThatIsTooCoarseTurnsExactAfterOneMeasurement() {
        var script = errors(Map.of(4, 0.3));
        List<String> probes = new ArrayList<>();
        var strategy = adaptive(Map.of("ladder", "25:4"));
        List<ReuseSetting> settings = probedRun(strategy, 5, script, probes);

        assertThat(settings.subList(2, 5)).containsOnlyNulls();
        assertThat(probes).containsExactly("1 conv2 25:4 error", "2 conv2 25:4 error");
        assertThat(strategy.decide(CONV2, null, new ProbingView(5, script, probes)).reason())
                .isEqualTo("too coarse: output error above max-error 0.25 at {L=25, H=4} 0.30, the finest level");
    }

    @Test
    void aFinerLevelWithinMaxErrorMustStillBeFasterThanExact() {
        // finer at step 2 for its error, exact 20 steps later for its speed
        assertExactFrom(22, (step, layer, setting) -> step <= 1 ? Optional.empty()
                : Optional.of(setting.hashBits() == 4 ? new ProbeResult(0.6, 0.01, 0.020, 0.010)
                        : new ProbeResult(0.2, 0.05, 0.020, 0.100)),
                "no gain: reuse step 100.0 ms against exact 20.0 ms");
    }

    @Test
    void aLevelTakenForAStalledLossHasItsErrorCheckedAtItsFirstStep() {
        var strategy = adaptive();
        var script = errors(Map.of(4, 0.1, 6, 0.9, 8, 0.2, 10, 0.1));
        List<Double> flat = Collections.nCopies(256, 1.0);
        List<String> probes = new ArrayList<>();
        ReuseSetting current = null;
        List<ReuseSetting> settings = new ArrayList<>();
        for (long step = 0; step < 30; step++) {
            current = strategy.decide(CONV2, current, new ProbingView(step, script, probes, flat)).setting();
            settings.add(current);
        }

        // step 20: the start level's speed passes, then the flat loss moves it finer; H=6 is too coarse,
        // measured at its first step (the input is being recorded already)
        assertThat(settings.subList(0, 20)).containsOnly(COARSEST);
        assertThat(settings.get(20)).isEqualTo(new ReuseSetting(25, 6));
        assertThat(settings.subList(21, 30)).containsOnly(new ReuseSetting(25, 8));
        assertThat(probes).containsSubsequence("21 conv2 25:6 error", "21 conv2 25:8 error");
    }

    @Test
    void aHealthyLossNeverMovesBelowTheLevelTheErrorCheckChose() {
        var strategy = adaptive();
        var script = errors(Map.of(4, 0.7, 6, 0.25, 8, 0.2, 10, 0.1));
        List<String> probes = new ArrayList<>();
        ReuseSetting current = null;
        List<ReuseSetting> settings = new ArrayList<>();
        for (long step = 0; step < 300; step++) {
            // falls 0.3% per step: about 6% per window, healthy by the default 5%
            List<Double> losses = new ArrayList<>();
            for (long i = Math.max(0, step - 256); i < step; i++) {
                losses.add(2 * Math.pow(0.997, i));
            }
            current = strategy.decide(CONV2, current, new ProbingView(step, script, probes, losses)).setting();
            settings.add(current);
        }

        assertThat(settings.subList(2, 300)).containsOnly(new ReuseSetting(25, 6));
    }

    @Test
    void decisionsAreReproducible() {
        for (int attempt = 0; attempt < 2; attempt++) {
            var first = new ScriptedRun(adaptive(), i -> 1 + Math.sin(i / 7.0) * 0.3, CONV1, CONV2).until(300);
            var second = new ScriptedRun(adaptive(), i -> 1 + Math.sin(i / 7.0) * 0.3, CONV1, CONV2).until(300);
            assertThat(first.changes()).isEqualTo(second.changes()).hasSizeGreaterThan(2);
        }
    }

    @Test
    void badConfigurationIsRefusedNamingTheKey() {
        var factory = new AdaptiveStrategy.Factory();
        for (String[] bad : new String[][] {
            {"ladder", "25:4,25:4", "ladder: levels must go from coarse to fine"},
            {"ladder", "25:8,25:4", "ladder: levels must go from coarse to fine"},
            {"ladder", "16:4,25:6", "ladder: levels must go from coarse to fine"},
            {"ladder", "25:4,exact", "ladder: expected L:H"},
            {"ladder", "25:40", "ladder: expected L:H"},
            {"ladder", "", "ladder: expected L:H"},
            {"window", "1", "window must be in 2..128"},
            {"window", "200", "window must be in 2..128"},
            {"stall", "0.05", "stall must be below healthy"},
            {"patience", "0", "patience must be >= 1"},
            {"patience", "12", "patience must be >= 1"},
            {"cooldown", "-1", "cooldown must be >= 0"},
            {"max-ratio", "0", "max-ratio must be in (0, 1]"},
            {"min-speedup", "-1", "min-speedup must be a number >= 0"},
            {"max-error", "-1", "max-error must be a number >= 0"}}) {
            Config config = Config.resolve("adaptive", factory.configKeys(), Map.of(bad[0], bad[1]), new ArrayList<>());
            assertThatThrownBy(() -> factory.create(config)).as(bad[0] + "=" + bad[1]).hasMessageContaining(bad[2]);
        }
    }
}

package adr.plugins.strategies;

import static adr.plugins.strategies.ProbingView.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.plugins.strategies.ScriptedRun.Change;
import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.ProbeResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Budget decisions on scripted probe results (target 0.25, candidates 25:4,25:6,25:8,25:10, every epoch). */
class BudgetStrategyTest {
    private static final LayerShape CONV1 = new LayerShape("conv1", 1, 64, 5, 1, 2);
    private static final LayerShape CONV2 = new LayerShape("conv2", 64, 64, 5, 1, 2);
    private static final LayerShape NARROW = new LayerShape("narrow", 64, 8, 3, 1, 1);

    /** Coarse settings lose more: error 0.4, 0.18, 0.1, 0.05 for H = 4, 6, 8, 10; r_c grows with H. */
    private static final Map<Integer, ProbeResult> TYPICAL = Map.of(4, result(0.40, 0.002), 6, result(0.18, 0.012),
            8, result(0.10, 0.04), 10, result(0.05, 0.15));

    private final List<String> probes = new ArrayList<>();
    private final Map<String, ReuseSetting> current = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();

    /**
     * A budget strategy with the {@code L=25} ladder (the scripts key results by H) and no
     * timing unless told otherwise.
     */
    private static AdaptationStrategy budget(Map<String, String> options) {
        var factory = new BudgetStrategy.Factory();
        List<String> errors = new ArrayList<>();
        Map<String, String> given = new HashMap<>(Map.of("candidates", "25:4,25:6,25:8,25:10", "min-speedup", "0"));
        given.putAll(options);
        Config config = Config.resolve("budget", factory.configKeys(), given, errors);
        assertThat(errors).isEmpty();
        return factory.create(config);
    }

    /** Every layer's input exists from step 1 on (the engine records it from the first probe). */
    private static ProbingView.Script fromStepOne(Map<Integer, ProbeResult> byHashBits) {
        return (step, layer, setting) -> step == 0 ? Optional.empty() : Optional.of(byHashBits.get(setting.hashBits()));
    }

    /** Asks for every layer's decision before steps {@code from ..< until}, recording changes as the engine does. */
    private void run(AdaptationStrategy strategy, ProbingView.Script script, long from, long until,
            LayerShape... layers) {
        for (long step = from; step < until; step++) {
            var view = new ProbingView(step, script, probes);
            for (LayerShape layer : layers) {
                LayerDecision decision = strategy.decide(layer, current.get(layer.name()), view);
                if (!Objects.equals(decision.setting(), current.get(layer.name()))) {
                    changes.add(new Change(step, layer.name(), decision.setting(), decision.reason()));
                }
                current.put(layer.name(), decision.setting());
            }
        }
    }

    @Test
    void aLayerStaysExactUntilItsInputIsMeasured() {
        var strategy = budget(Map.of());
        var view = new ProbingView(0, fromStepOne(TYPICAL), probes);

        LayerDecision decision = strategy.decide(CONV2, null, view);

        assertThat(decision).isEqualTo(LayerDecision.exact("budget: no input measured yet"));
        assertThat(probes).containsExactly("0 conv2 25:4 error"); // the first empty probe ends the round
    }

    @Test
    void choosesTheCheapestCandidateUnderTheTarget() {
        run(budget(Map.of()), fromStepOne(TYPICAL), 0, 2, CONV2);

        // 25:4 is cheapest but over the target; 25:6 costs 0.012 + 6/64 + 1/25 = 0.146
        assertThat(changes).containsExactly(new Change(1, "conv2", new ReuseSetting(25, 6),
                "budget: L=25 H=6 has error 0.180 <= 0.25 at r_c 0.012 (cost 0.146), the cheapest of 3 candidates "
                        + "under the target (4 measured)"));
    }

    @Test
    void aContinuedRunKeepsTheSavedSettingUntilTheLayerIsMeasuredAgainAtOnce() {
        AdaptationStrategy strategy = budget(Map.of());
        ReuseSetting h10 = new ReuseSetting(25, 10);
        strategy.resume(CONV2, h10, new ProbingView(150, fromStepOne(TYPICAL), probes));

        // mid-epoch, the input not recorded yet: the saved setting stands
        ProbingView.Script notYet = (step, layer, setting) -> step == 150 ? Optional.empty()
                : Optional.of(TYPICAL.get(setting.hashBits()));
        LayerDecision first = strategy.decide(CONV2, null, new ProbingView(150, notYet, probes));
        LayerDecision second = strategy.decide(CONV2, h10, new ProbingView(151, notYet, probes));

        assertThat(first).isEqualTo(new LayerDecision(h10, "budget: resumed at L=25 H=10, as when the checkpoint was"
                + " saved; measured again"));
        assertThat(second.setting()).as("measured: the cheapest under the target").isEqualTo(new ReuseSetting(25, 6));
        assertThat(probes).contains("151 conv2 25:6 error");
    }

    @Test
    void anErrorEqualToTheTargetQualifies() {
        run(budget(Map.of("target-error", "0.4")), fromStepOne(TYPICAL), 0, 2, CONV2);

        assertThat(current.get("conv2")).isEqualTo(new ReuseSetting(25, 4));
    }

    @Test
    void theCostNotTheErrorPicksAmongQualifyingCandidates() {
        // the finer setting happens to cluster this batch into fewer groups: it is the cheaper one
        var script = fromStepOne(Map.of(4, result(0.2, 0.30), 6, result(0.1, 0.05), 8, result(0.3, 0.01),
                10, result(0.05, 0.2)));

        run(budget(Map.of()), script, 0, 2, CONV2);

        assertThat(current.get("conv2")).isEqualTo(new ReuseSetting(25, 6));
    }

    @Test
    void noCandidateUnderTheTargetKeepsTheLayerExactAndSaysWhy() {
        run(budget(Map.of("target-error", "0.01")), fromStepOne(TYPICAL), 0, 2, CONV2);

        assertThat(current.get("conv2")).isNull();
        assertThat(strategyReason(budget(Map.of("target-error", "0.01")), CONV2)).isEqualTo(
                "budget: none of 4 candidates is under error 0.01; the best, L=25 H=10, has 0.050 at r_c 0.150, exact");
    }

    @Test
    void aWinnerThatCostsAsMuchAsTheExactProductIsNoGain() {
        // M = 8: the hashing alone, 8/8, costs the whole product
        var strategy = budget(Map.of("candidates", "25:8"));

        assertThat(strategyReason(strategy, NARROW)).isEqualTo("budget: L=25 H=8 has error 0.100 <= 0.25 at r_c "
                + "0.040 but predicted cost 1.080 >= 1.0 (M=8), exact: no gain");
    }

    private String strategyReason(AdaptationStrategy strategy, LayerShape layer) {
        strategy.decide(layer, null, new ProbingView(0, fromStepOne(TYPICAL), probes));
        LayerDecision decision = strategy.decide(layer, null, new ProbingView(1, fromStepOne(TYPICAL), probes));
        assertThat(decision.setting()).isNull();
        return decision.reason();
    }

    /** Reuse steps twice as slow as exact (ProbingView's timings) until {@code fastFrom}, then 4 times faster. */
    private static ProbingView.Script timed(long fastFrom) {
        return (step, layer, setting) -> step == 0 ? Optional.empty() : Optional.of(step < fastFrom
                ? TYPICAL.get(setting.hashBits())
                : new ProbeResult(TYPICAL.get(setting.hashBits()).relativeError(),
                        TYPICAL.get(setting.hashBits()).remainingRatio(), 0.04, 0.01));
    }

    @Test
    void aSettingTimedTooSlowAfterTheCooldownGoesExactAndIsNotChosenAgain() {
        run(budget(Map.of("min-speedup", "1.25", "cooldown", "5")), timed(Long.MAX_VALUE), 0, 120, CONV2);

        assertThat(probes.stream().filter(p -> !p.endsWith("error"))).containsExactly("6 conv2 25:6", "6 conv2 25:6",
                "6 conv2 25:6", "105 conv2 25:8", "105 conv2 25:8", "105 conv2 25:8");
        assertThat(changes).extracting(Change::step).containsExactly(1L, 6L, 100L, 105L);
        assertThat(changes.get(1).to()).isNull();
        assertThat(changes.get(1).reason()).isEqualTo("budget: L=25 H=6 too slow: reuse step 20.0 ms against exact"
                + " 10.0 ms, speed-up 0.50 < min-speedup 1.25; exact, and not chosen again");
        assertThat(changes.get(2).to()).as("the next epoch's measurement skips 25:6")
                .isEqualTo(new ReuseSetting(25, 8));
    }

    @Test
    void aSettingFastEnoughStaysAndIsTimedOnce() {
        run(budget(Map.of("min-speedup", "1.25", "cooldown", "5")), timed(0), 0, 50, CONV2);

        assertThat(changes).extracting(Change::step).containsExactly(1L);
        assertThat(probes.stream().filter(p -> !p.endsWith("error"))).hasSize(SpeedProbe.PROBES);
    }

    @Test
    void whenEveryCandidateUnderTheTargetWasTooSlowTheLayerStaysExactSayingSo() {
        run(budget(Map.of("min-speedup", "1.25", "cooldown", "0", "candidates", "25:8")), timed(Long.MAX_VALUE), 0,
                101, CONV2);

        assertThat(current.get("conv2")).isNull();
        assertThat(changes.get(changes.size() - 1).reason()).isEqualTo("budget: L=25 H=8 too slow: reuse step 20.0"
                + " ms against exact 10.0 ms, speed-up 0.50 < min-speedup 1.25; exact, and not chosen again");
        LayerDecision next = budgetAfterSlowEpoch();
        assertThat(next).isEqualTo(LayerDecision.exact("budget: no candidate under error 0.25 but those timed too"
                + " slow here (L=25 H=8), exact"));
    }

    private LayerDecision budgetAfterSlowEpoch() {
        var strategy = budget(Map.of("min-speedup", "1.25", "cooldown", "0", "candidates", "25:8"));
        ProbingView.Script script = timed(Long.MAX_VALUE);
        strategy.decide(CONV2, null, new ProbingView(0, script, probes));
        strategy.decide(CONV2, null, new ProbingView(1, script, probes)); // chosen
        strategy.decide(CONV2, new ReuseSetting(25, 8), new ProbingView(2, script, probes)); // timed too slow
        return strategy.decide(CONV2, null, new ProbingView(100, script, probes)); // next epoch's measurement
    }

    @Test
    void theSettingsTimedTooSlowAreSavedAndAContinuedRunLeavesThemOut() {
        var strategy = budget(Map.of("min-speedup", "1.25", "cooldown", "0", "candidates", "25:8"));
        ProbingView.Script script = timed(Long.MAX_VALUE);
        assertThat(strategy.state(CONV2)).as("nothing timed yet").isEmpty();
        strategy.decide(CONV2, null, new ProbingView(0, script, probes));
        strategy.decide(CONV2, null, new ProbingView(1, script, probes));
        strategy.decide(CONV2, new ReuseSetting(25, 8), new ProbingView(2, script, probes)); // timed too slow
        Map<String, String> saved = strategy.state(CONV2);

        var continued = budget(Map.of("min-speedup", "1.25", "cooldown", "0", "candidates", "25:8"));
        continued.resume(CONV2, null, saved, new ProbingView(50, script, probes));
        LayerDecision measured = continued.decide(CONV2, null, new ProbingView(50, script, probes));

        assertThat(saved).containsExactly(Map.entry("too-slow", "25:8"));
        assertThat(measured).isEqualTo(LayerDecision.exact("budget: no candidate under error 0.25 but those timed"
                + " too slow here (L=25 H=8), exact"));
        var fresh = budget(Map.of("min-speedup", "1.25", "cooldown", "0", "candidates", "25:8"));
        fresh.resume(CONV2, null, Map.of("too-slow", "not a level"), new ProbingView(50, script, probes));
        assertThat(fresh.decide(CONV2, null, new ProbingView(50, script, probes)).setting())
                .as("an entry that does not parse is passed over").isEqualTo(new ReuseSetting(25, 8));
    }

    @Test
    void eachLayerIsMeasuredAgainOncePerEpochByDefault() {
        run(budget(Map.of()), fromStepOne(TYPICAL), 0, 250, CONV1);

        assertThat(probes).extracting(p -> p.split(" ")[0]).containsExactly("0", "1", "1", "1", "1", "100", "100",
                "100", "100", "200", "200", "200", "200");
    }

    @Test
    void reprobeEveryCountsSteps() {
        run(budget(Map.of("reprobe-every", "10", "candidates", "25:6")), fromStepOne(TYPICAL), 0, 30, CONV1);

        assertThat(probes).containsExactly("0 conv1 25:6 error", "1 conv1 25:6 error", "11 conv1 25:6 error",
                "21 conv1 25:6 error");
    }

    @Test
    void aLaterMeasurementMovesTheLayerAndGivesTheNewReason() {
        // from epoch 2 on the coarse settings lose more: only 25:10 stays under the target
        ProbingView.Script script = (step, layer, setting) -> step == 0 ? Optional.empty()
                : Optional.of(step < 100 ? TYPICAL.get(setting.hashBits())
                        : setting.hashBits() == 10 ? result(0.2, 0.15) : result(0.5, 0.01));

        run(budget(Map.of()), script, 0, 150, CONV2);

        assertThat(changes).extracting(Change::step).containsExactly(1L, 100L);
        assertThat(changes.get(1).to()).isEqualTo(new ReuseSetting(25, 10));
        assertThat(changes.get(1).reason()).startsWith("budget: L=25 H=10 has error 0.200 <= 0.25 at r_c 0.150")
                .endsWith("the only candidate under the target (4 measured)");
    }

    @Test
    void candidatesTheBatchIsTooLargeForAreLeftOutAndCounted() {
        var strategy = budget(Map.of());
        ProbingView.Script script = fromStepOne(TYPICAL);
        strategy.decide(CONV2, null, new ProbingView(0, script, probes, List.of(), s -> s.hashBits() < 8));

        LayerDecision decision = strategy.decide(CONV2, null,
                new ProbingView(1, script, probes, List.of(), s -> s.hashBits() < 8));

        // 25:6 would be the cheapest under the target, but the batch is too large for it
        assertThat(decision.setting()).isEqualTo(new ReuseSetting(25, 8));
        assertThat(decision.reason()).endsWith("the cheapest of 2 candidates under the target (2 measured, 2 too"
                + " large for the batch)");
        assertThat(probes).containsExactly("0 conv2 25:8 error", "1 conv2 25:8 error", "1 conv2 25:10 error");
    }

    @Test
    void whenTheBatchIsTooLargeForEveryCandidateTheLayerIsExactSayingWhyWithoutMeasuring() {
        LayerDecision decision = budget(Map.of()).decide(CONV2, null,
                new ProbingView(0, fromStepOne(TYPICAL), probes, List.of(), s -> true));

        assertThat(decision).isEqualTo(LayerDecision.exact("budget: no candidate fits the batch (batch 64 too large"
                + " to reuse L=25 H=4), exact"));
        assertThat(probes).isEmpty();
    }

    @Test
    void candidatesLongerThanTheRowAreCappedAndMeasuredOnce() {
        run(budget(Map.of("candidates", "32:6,25:6,64:8")), fromStepOne(TYPICAL), 0, 2, CONV1);

        assertThat(probes).containsExactly("0 conv1 25:6 error", "1 conv1 25:6 error", "1 conv1 25:8 error");
    }

    @Test
    void aViewThatCannotMeasureLeavesEveryLayerExact() {
        var run = new ScriptedRun(budget(Map.of()), i -> 1.0, CONV1, CONV2).until(300);

        assertThat(run.changes()).isEmpty();
        assertThat(run.setting("conv2")).isNull();
    }

    @Test
    void theDefaultsAreTheMeasuredOnes() {
        Config defaults = Config.defaults(new BudgetStrategy.Factory().configKeys());

        assertThat(defaults.asMap()).containsEntry("target-error", 0.25).containsEntry("reprobe-every", 0L)
                .containsEntry("max-cost", 1.0).containsEntry("min-speedup", 1.25).containsEntry("cooldown", 20L)
                .containsEntry("candidates", "25:4,25:6,25:8,25:10,25:12,5:8,5:10,5:12");
        assertThat(new BudgetStrategy.Factory().create(defaults)).isNotNull();
    }

    @Test
    void badConfigurationIsRefusedNamingTheKey() {
        var factory = new BudgetStrategy.Factory();
        for (String[] bad : new String[][] {
            {"target-error", "0", "target-error must be a number above 0"},
            {"target-error", "NaN", "target-error must be a number above 0"},
            {"reprobe-every", "-1", "reprobe-every must be >= 0"},
            {"max-cost", "0", "max-cost must be a number above 0"},
            {"candidates", "25:4,25:4", "candidates: 25:4 is listed twice"},
            {"candidates", "25", "candidates: expected L:H"},
            {"candidates", "25:31", "candidates: expected L:H"}}) {
            Config config = Config.resolve("budget", factory.configKeys(), Map.of(bad[0], bad[1]), new ArrayList<>());
            assertThatThrownBy(() -> factory.create(config)).as(bad[0] + "=" + bad[1]).hasMessageContaining(bad[2]);
        }
    }
}

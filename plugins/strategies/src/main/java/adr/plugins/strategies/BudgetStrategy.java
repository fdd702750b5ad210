package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.AdaptationStrategyFactory;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.OutputError;
import adr.spi.strategy.ProbeResult;
import adr.spi.strategy.TrainingView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cheapest reuse that stays within an error budget, chosen per layer from
 * measurement rather than from a schedule. Every candidate {@code {L, H}} is probed on
 * the layer's last real input batch ({@link TrainingView#probeError}): the engine computes
 * the layer's output exactly and with reuse and reports the relative error and the
 * {@code r_c} reached. Candidates whose error is above {@code target-error} are dropped;
 * of the rest the one with the lowest predicted forward cost {@code r_c + H/M + 1/L}
 * (DESIGN.md section 1, as {@link CostModelPolicy} computes it) wins, with ties going to
 * the smaller error. The layer stays exact when no candidate is under the target, or
 * when the winner's cost is not below {@code max-cost} (1 = the exact product: no gain).
 *
 * <p>The cost model counts multiply-adds, not time: on a machine whose exact convolution
 * is a tuned library's, a setting it calls cheap can make the step slower (CifarNet at
 * {@code L=5, H=10}: conv1's step 1.6 and conv2's 10 times slower than exact on the 2-core
 * build machine). So {@code cooldown} steps after a layer starts reusing (once the JIT has
 * compiled the kernel) its step is timed against exact, the median of {@value SpeedProbe#PROBES}
 * probes; a setting not {@code min-speedup} times faster sends the layer back to exact and
 * is left out of the layer's later measurements.
 *
 * <p>Why the output error: it is what the next layer sees, it folds in how much the
 * weights amplify the centroid error, and it is cheap to measure on one batch, whereas
 * the accuracy cost of a setting would need training to find out. The error of a
 * setting changes as the weights and activations change, so each layer is measured
 * again every {@code reprobe-every} steps (0 = at the start of every epoch).
 *
 * <p>A layer is exact until its first measurement; in a run continued from a checkpoint it
 * keeps the checkpoint's setting until measured again, at once, and leaves out the settings
 * it had timed too slow ({@link #resume}). The first probe only asks the engine to record
 * the layer's input, so the first decision comes before step 1; a probe that comes back
 * empty keeps the previous decision and is retried before the next step. A
 * candidate the run's batch is too large to reuse ({@link TrainingView#reuseRefusal}) is
 * left out of the measurement; the layer is exact when every one is. One instance serves
 * one run; the engine calls it from the training thread.
 */
final class BudgetStrategy implements AdaptationStrategy {
    private static final String TOO_SLOW = "too-slow";

    private final List<ReuseSetting> candidates;
    private final Limits limits;
    /** Per layer: the last decision and when it was measured; absent before the first. */
    private final Map<String, Measurement> measured = new HashMap<>();
    /** Per layer: the settings timed too slow, not chosen again. */
    private final Map<String, Set<ReuseSetting>> tooSlow = new HashMap<>();

    BudgetStrategy(List<ReuseSetting> candidates, Limits limits) {
        this.candidates = List.copyOf(candidates);
        this.limits = limits;
    }

    /** The thresholds, validated by the factory. */
    record Limits(double targetError, long reprobeEvery, double maxCost, double minSpeedup, long cooldown) {
    }

    /** @param timed whether the decision's speed is settled: timed, exact, or not to be timed */
    private record Measurement(LayerDecision decision, long step, int epoch, boolean timed) {
        Measurement timedAs(LayerDecision timedDecision) {
            return new Measurement(timedDecision, step, epoch, true);
        }
    }

    /** One candidate's probe and its predicted forward cost. */
    private record Probed(ReuseSetting setting, OutputError result, double cost) {
    }

    @Override
    public LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view) {
        Measurement last = measured.get(layer.name());
        if (last != null && !due(last, view)) {
            return timedIfDue(layer, last, view);
        }
        List<ReuseSetting> candidates = forLayer(layer);
        List<ReuseSetting> fitting = candidates.stream()
                .filter(s -> view.reuseRefusal(layer.name(), s).isEmpty()).toList();
        if (fitting.isEmpty()) {
            LayerDecision decision = LayerDecision.exact("budget: no candidate fits the batch ("
                    + view.reuseRefusal(layer.name(), candidates.get(0)).orElseThrow() + "), exact");
            measured.put(layer.name(), new Measurement(decision, view.step(), view.epoch(), true));
            return decision;
        }
        Optional<List<Probed>> probes = probeAll(layer, fitting, view);
        if (probes.isEmpty()) {
            return last == null ? LayerDecision.exact("budget: no input measured yet") : last.decision();
        }
        LayerDecision decision = choose(layer, probes.get(), candidates.size() - fitting.size());
        boolean settled = decision.setting() == null || limits.minSpeedup() == 0;
        measured.put(layer.name(), new Measurement(decision, view.step(), view.epoch(), settled));
        return decision;
    }

    /** The settings timed too slow on the layer, which a continued run does not choose either. */
    @Override
    public Map<String, String> state(LayerShape layer) {
        Set<ReuseSetting> slow = tooSlow.getOrDefault(layer.name(), Set.of());
        return slow.isEmpty() ? Map.of() : Map.of(TOO_SLOW, SavedState.levels(slow.stream()
                .sorted(Comparator.comparingInt(ReuseSetting::subVectorLength).reversed()
                        .thenComparingInt(ReuseSetting::hashBits)).toList()));
    }

    @Override
    public void resume(LayerShape layer, ReuseSetting saved, TrainingView view) {
        resume(layer, saved, Map.of(), view);
    }

    /**
     * Keeps each layer at the setting its checkpoint saved and measures it again at once:
     * the probes that chose the setting are not saved; the settings timed too slow are, and
     * stay out. Until the layer's input is recorded (the first probe comes back empty) it
     * runs at the saved setting, as at a re-probe.
     */
    @Override
    public void resume(LayerShape layer, ReuseSetting saved, Map<String, String> state, TrainingView view) {
        SavedState.levels(state, TOO_SLOW).filter(slow -> !slow.isEmpty())
                .ifPresent(slow -> tooSlow.put(layer.name(), new HashSet<>(slow)));
        String measuredAgain = ", as when the checkpoint was saved; measured again";
        LayerDecision decision = saved == null ? LayerDecision.exact("budget: resumed exact" + measuredAgain)
                : new LayerDecision(saved, "budget: resumed at " + name(saved) + measuredAgain);
        // due at once: measured an epoch and a re-probe interval ago
        measured.put(layer.name(), new Measurement(decision, view.step() - limits.reprobeEvery(), view.epoch() - 1,
                true));
    }

    /** The decision in force, or exact once its setting is timed too slow {@code cooldown} steps after it. */
    private LayerDecision timedIfDue(LayerShape layer, Measurement last, TrainingView view) {
        if (last.timed() || view.step() - last.step() < limits.cooldown()) {
            return last.decision();
        }
        ReuseSetting setting = last.decision().setting();
        Optional<ProbeResult> median = SpeedProbe.median(view, layer.name(), setting);
        if (median.isEmpty()) {
            return last.decision(); // input not recorded: timed before the next step
        }
        double speedup = SpeedProbe.speedup(median.get());
        LayerDecision decision = last.decision();
        if (speedup < limits.minSpeedup()) {
            tooSlow.computeIfAbsent(layer.name(), name -> new HashSet<>()).add(setting);
            decision = LayerDecision.exact(String.format(Locale.ROOT, "budget: %s too slow: reuse step %.1f ms"
                    + " against exact %.1f ms, speed-up %.2f < min-speedup %s; exact, and not chosen again",
                    name(setting), median.get().reuseSeconds() * 1000, median.get().exactSeconds() * 1000, speedup,
                    limits.minSpeedup()));
        }
        measured.put(layer.name(), last.timedAs(decision));
        return decision;
    }

    private boolean due(Measurement last, TrainingView view) {
        return limits.reprobeEvery() == 0 ? view.epoch() > last.epoch()
                : view.step() - last.step() >= limits.reprobeEvery();
    }

    /** Every candidate's measurement, or empty as soon as one cannot be measured yet. */
    private Optional<List<Probed>> probeAll(LayerShape layer, List<ReuseSetting> candidates, TrainingView view) {
        List<Probed> probes = new ArrayList<>();
        for (ReuseSetting setting : candidates) {
            Optional<OutputError> result = view.probeError(layer.name(), setting);
            if (result.isEmpty()) {
                return Optional.empty();
            }
            double cost = CostModelPolicy.forwardFraction(result.get().remainingRatio(), layer, setting);
            probes.add(new Probed(setting, result.get(), cost));
        }
        return Optional.of(probes);
    }

    /** @param leftOut candidates not measured because the batch is too large to reuse them */
    private LayerDecision choose(LayerShape layer, List<Probed> probes, int leftOut) {
        Set<ReuseSetting> slow = tooSlow.getOrDefault(layer.name(), Set.of());
        List<Probed> under = probes.stream().filter(p -> p.result().relativeError() <= limits.targetError())
                .filter(p -> !slow.contains(p.setting()))
                .sorted(Comparator.comparingDouble(Probed::cost)
                        .thenComparingDouble(p -> p.result().relativeError()))
                .toList();
        if (under.isEmpty() && !slow.isEmpty()) {
            return LayerDecision.exact(String.format(Locale.ROOT, "budget: no candidate under error %s but those"
                    + " timed too slow here (%s), exact", limits.targetError(),
                    String.join(", ", slow.stream().map(BudgetStrategy::name).sorted().toList())));
        }
        if (under.isEmpty()) {
            Probed best = probes.stream().min(Comparator.comparingDouble(p -> p.result().relativeError()))
                    .orElseThrow();
            return LayerDecision.exact(String.format(Locale.ROOT,
                    "budget: none of %d candidates is under error %s; the best, %s, has %.3f at r_c %.3f, exact",
                    probes.size(), limits.targetError(), name(best.setting()), best.result().relativeError(),
                    best.result().remainingRatio()));
        }
        Probed cheapest = under.get(0);
        String measuredText = String.format(Locale.ROOT, "budget: %s has error %.3f <= %s at r_c %.3f",
                name(cheapest.setting()), cheapest.result().relativeError(), limits.targetError(),
                cheapest.result().remainingRatio());
        if (cheapest.cost() >= limits.maxCost()) {
            return LayerDecision.exact(String.format(Locale.ROOT, "%s but predicted cost %.3f >= %s (M=%d), "
                    + "exact: no gain", measuredText, cheapest.cost(), limits.maxCost(), layer.outChannels()));
        }
        String among = under.size() == 1 ? "the only candidate under the target"
                : "the cheapest of " + under.size() + " candidates under the target";
        String counted = leftOut == 0 ? probes.size() + " measured"
                : probes.size() + " measured, " + leftOut + " too large for the batch";
        return new LayerDecision(cheapest.setting(), String.format(Locale.ROOT, "%s (cost %.3f), %s (%s)",
                measuredText, cheapest.cost(), among, counted));
    }

    /** The candidates for one layer: {@code L} capped at its row length, duplicates that capping made dropped. */
    private List<ReuseSetting> forLayer(LayerShape layer) {
        LinkedHashSet<ReuseSetting> capped = new LinkedHashSet<>();
        for (ReuseSetting s : candidates) {
            capped.add(new ReuseSetting(Math.min(s.subVectorLength(), layer.rowLength()), s.hashBits()));
        }
        return List.copyOf(capped);
    }

    private static String name(ReuseSetting s) {
        return "L=" + s.subVectorLength() + " H=" + s.hashBits();
    }

    /**
     * Defaults picked from measurement (cifarnet on Fashion-MNIST, clustering lsh
     * quantized, probes before step 1): the output error of conv1 was 0.81, 0.90, 0.57,
     * 0.50, 0.37 for {@code L=25, H=4..12} and 0.25, 0.23, 0.12 for {@code L=5, H=8..12};
     * conv2's 0.73 .. 0.28 and 0.32, 0.19, 0.06 (0.28 .. 0.05 at {@code L=25} from step 10
     * on). So the {@code L=25} ladder alone meets no useful target at the start, and the
     * finer {@code L=5} rungs are in the default list. One epoch on 3,000 images reached
     * test accuracy 0.7240 at target 0.25 (both layers {@code 5:10}), 0.7395 at 0.1 and
     * 0.7270 at 0.4, against 0.7212 exact, while {@code fixed 25:8} (errors 0.54 and 0.60)
     * lost 11 points over three epochs (README); 0.25 keeps well below that.
     */
    static final class Factory implements AdaptationStrategyFactory {
        /** Steps before a new setting is timed: the adaptive strategy's default window, for the same reason. */
        static final long DEFAULT_COOLDOWN = 20;
        static final String CANDIDATES = "25:4,25:6,25:8,25:10,25:12,5:8,5:10,5:12";

        @Override
        public String name() {
            return "budget";
        }

        @Override
        public String description() {
            return "per layer, the cheapest {L, H} by the cost model whose measured output error on a real batch "
                    + "is under a target; exact when none is";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(
                    ConfigKey.decimal("target-error", 0.25,
                            "largest relative error ||Y_reuse - Y_exact|| / ||Y_exact|| a setting may have"),
                    ConfigKey.text("candidates", CANDIDATES,
                            "settings L:H to measure, comma-separated, in any order"),
                    ConfigKey.integer("reprobe-every", 0, "steps between a layer's measurements; 0 = every epoch"),
                    ConfigKey.decimal("max-cost", 1.0,
                            "stay exact unless the chosen setting's predicted forward cost is below this fraction"),
                    ConfigKey.decimal("min-speedup", AdaptiveStrategy.DEFAULT_MIN_SPEEDUP, "make a layer exact when"
                            + " its timed reuse step is not this many times faster than exact; 0 = never time"),
                    ConfigKey.integer("cooldown", DEFAULT_COOLDOWN, "steps from a layer's change to reuse to its"
                            + " timing (the JIT compiles the kernel meanwhile)"));
        }

        @Override
        public AdaptationStrategy create(Config config) {
            List<ReuseSetting> candidates = parseCandidates(config.text("candidates"));
            double target = config.decimal("target-error");
            long every = config.integer("reprobe-every");
            double maxCost = config.decimal("max-cost");
            double minSpeedup = config.decimal("min-speedup");
            long cooldown = config.integer("cooldown");
            if (!(target > 0) || Double.isInfinite(target)) {
                throw new IllegalArgumentException("target-error must be a number above 0, got "
                        + target);
            }
            if (every < 0) {
                throw new IllegalArgumentException("reprobe-every must be >= 0 (0 = every epoch), "
                        + "got " + every);
            }
            if (!(maxCost > 0) || Double.isInfinite(maxCost)) {
                throw new IllegalArgumentException("max-cost must be a number above 0, got "
                        + maxCost);
            }
            if (!(minSpeedup >= 0) || Double.isInfinite(minSpeedup)) {
                throw new IllegalArgumentException("min-speedup must be a number >= 0 (0 = never time), got "
                        + minSpeedup);
            }
            if (cooldown < 0) {
                throw new IllegalArgumentException("cooldown must be >= 0 steps, got " + cooldown);
            }
            return new BudgetStrategy(candidates, new Limits(target, every, maxCost, minSpeedup, cooldown));
        }

        /** @throws IllegalArgumentException naming the key {@code candidates} */
        static List<ReuseSetting> parseCandidates(String text) {
            List<ReuseSetting> settings = new ArrayList<>();
            for (String item : text.split(",")) {
                ReuseSetting s = Ladder.parseLevel("candidates", item.strip());
                if (settings.contains(s)) {
                    throw new IllegalArgumentException("candidates: " + item.strip() + " is listed twice in '" + text
                            + "'; list each L:H once");
                }
                settings.add(s);
            }
            return settings;
        }
    }
}

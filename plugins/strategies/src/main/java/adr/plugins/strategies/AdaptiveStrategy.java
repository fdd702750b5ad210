package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.config.Config;
import adr.spi.config.ConfigKey;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.AdaptationStrategy;
import adr.spi.strategy.AdaptationStrategyFactory;
import adr.spi.strategy.LayerDecision;
import adr.spi.strategy.TrainingView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closed-loop adaptive deep reuse: each convolution climbs a ladder of levels from
 * coarse to fine (then exact) as the training signals ask for it, instead of at fixed
 * fractions of the run. Adaptive deep reuse (Ning, Guan, Shen, ICDE 2019) found that
 * early training tolerates coarse reuse and later training needs finer reuse or none;
 * when "later" comes depends on the model, the data and the learning rate, so this
 * strategy reads it from the loss and the test accuracy.
 *
 * <p>Per layer it keeps its ladder index, the step of its last change and how many test
 * accuracies it has seen. Before each step, in this order:
 * <ol>
 * <li>An exact layer stays exact: after the last level, or after "no gain". Exact is final.
 * <li><b>No gain</b>: if the layer ran with reuse last step ({@code current} not null and
 *     its statistics not those of an exact step, {@code r_c 1} and 0 s) and its measured
 *     {@code r_c > max-ratio}, it becomes exact ("no gain: r_c 0.62"). Clustering that
 *     leaves most of the product to compute cannot pay for hashing and gathering.
 * <li><b>Too coarse</b>: from a level's first step on, the level's output error is
 *     measured on the layer's last batch ({@link TrainingView#probeError}, forward only;
 *     the first probe of a layer starts recording its input and comes back empty, so the
 *     measurement is made at the level's second step). If it is above {@code max-error},
 *     the finest level is measured: when it is above too, the layer becomes exact ("too
 *     coarse: output error above max-error 0.25 at {L=25, H=4} 0.78 and at the finest
 *     level {L=25, H=10} 0.50"); else the levels in between are measured in turn and the
 *     layer moves to the first one within it, which becomes its floor (loss-healthy moves
 *     never go coarser). The error of a probe does not depend on how warm the JIT is, so
 *     it is checked at once: a level that is too coarse costs accuracy, and its reuse
 *     steps time, for every step it runs. Coarse reuse early in training did not come back later: in the demo
 *     (CifarNet, Fashion-MNIST), 142 steps of conv1 at {@code L=25, H=4..6} (error
 *     0.64-0.77) ended the epoch 1.4 points below a run that made it exact at step 20.
 * <li><b>Too slow</b>: {@code cooldown} steps after the level was taken (the JIT has
 *     compiled the kernel by then), if the median exact step time (forward and backward)
 *     over the reuse step time of {@value SpeedProbe#PROBES} timed probes
 *     ({@link TrainingView#probe}) is below {@code min-speedup}, the layer becomes exact
 *     ("no gain: reuse step 41.0 ms against exact 7.2 ms"). Reuse that is slower than
 *     the exact kernel costs time and accuracy for nothing. The default,
 *     {@value #DEFAULT_MIN_SPEEDUP}, asks for a margin: reuse always costs some accuracy,
 *     and single-batch probes of a layer whose reuse is on par with exact came out either
 *     side of 1 from run to run. Views that cannot probe leave the layer as it is.
 * <li><b>Test accuracy fell</b>: when a new test accuracy is lower than the one before,
 *     the layer moves one level finer, without waiting for the cooldown (the signal comes
 *     once per evaluated epoch, so it cannot flap).
 * <li><b>Cooldown</b>: otherwise nothing changes until {@code cooldown} steps after the
 *     layer's last change (its start counts as one), so the loss can react.
 * <li><b>Loss stalled</b>: with two full windows of losses, let {@code change} be the
 *     relative change of the mean loss from the older window of {@code window} steps to
 *     the newer; if {@code -change < stall} (or the loss is not finite) the layer moves
 *     one level finer ("loss stalled: -0.4% over 20 steps, finer").
 * <li><b>Loss healthy</b>: if the layer is finer than its start and its floor, at least
 *     {@code patience * window} steps passed since its change, and each of the last
 *     {@code patience} windows fell by more than {@code healthy} from the window before,
 *     it moves one level coarser: reuse is cheaper and training shows it can afford it.
 * </ol>
 * Moving finer from the last level makes the layer exact ("..., exact after the last level").
 * A layer starts at the coarsest level, or in a run continued from a checkpoint at the
 * level the checkpoint saved ({@link #resume}), with the floor it had. A level the run's
 * batch is too large to reuse ({@link TrainingView#reuseRefusal}) gives way to the first
 * finer level that fits, which becomes the floor; exact when none does. Decisions depend
 * only on the view and this state, so a run is reproducible; unchanged settings come back
 * with the reason of the last change. One instance serves one run.
 */
final class AdaptiveStrategy implements AdaptationStrategy {
    /** How many times faster than exact a probed reuse step must be to keep reusing. */
    static final double DEFAULT_MIN_SPEEDUP = 1.25;
    /**
     * The output error a level may have, as {@code budget}'s {@code target-error}. On
     * CifarNet conv1 (Fashion-MNIST, one epoch of 20,000 images, conv2 exact) a setting
     * of error 0.22 cost 0.4 accuracy points, 0.46 cost 3.1 and 0.54 cost 4.9.
     */
    static final double DEFAULT_MAX_ERROR = 0.25;

    private static final String FLOOR = "floor";

    private final Ladder ladder;
    private final AdaptiveRules rules;
    private final LevelChecks checks;
    private final Map<String, LadderPosition> states = new ConcurrentHashMap<>();

    AdaptiveStrategy(Ladder ladder, AdaptiveRules rules) {
        this.ladder = ladder;
        this.rules = rules;
        this.checks = new LevelChecks(rules);
    }

    @Override
    public LayerDecision decide(LayerShape layer, ReuseSetting current, TrainingView view) {
        LadderPosition state = states.computeIfAbsent(layer.name(),
                name -> LadderPosition.start(ladder.forLayer(layer), view.step(), view.testAccuracies().size()));
        if (!state.exact()) {
            LadderPosition next = fitting(next(state, layer, current, view), layer, view);
            if (next != state) {
                states.put(layer.name(), next);
                state = next;
            }
        }
        return state.decision();
    }

    /**
     * What a continued run needs beyond the layer's level: its floor, below which levels
     * failed the error check. Not the step of the last change: cooldowns count from the
     * resume, since the speed check needs this process's JIT to have compiled the kernel.
     * Nothing before the layer's first decision or once it is exact.
     */
    @Override
    public Map<String, String> state(LayerShape layer) {
        LadderPosition position = states.get(layer.name());
        if (position == null || position.exact()) {
            return Map.of();
        }
        return Map.of(FLOOR, SavedState.level(position.level(position.floor())));
    }

    @Override
    public void resume(LayerShape layer, ReuseSetting saved, TrainingView view) {
        resume(layer, saved, Map.of(), view);
    }

    /**
     * Continues each layer from the level it had when the checkpoint was saved, or exact;
     * a saved setting that is not on this run's ladder leaves the layer to start afresh.
     * The saved floor carries over; without one (an older checkpoint, or a floor not on this
     * run's ladder or finer than the level) the saved level is the floor.
     */
    @Override
    public void resume(LayerShape layer, ReuseSetting saved, Map<String, String> state, TrainingView view) {
        List<ReuseSetting> levels = ladder.forLayer(layer);
        int index = saved == null ? levels.size() : levels.indexOf(saved);
        if (index < 0) {
            return;
        }
        int floor = SavedState.level(state, FLOOR).map(levels::indexOf).filter(f -> f >= 0 && f <= index)
                .orElse(index);
        states.put(layer.name(), LadderPosition.resumed(levels, index, floor, view.step(),
                view.testAccuracies().size()));
    }

    /**
     * A level the run's batch is too large to reuse ({@link TrainingView#reuseRefusal})
     * gives way to the first finer level that fits, which becomes the floor (the batch size
     * does not change); exact when none fits.
     */
    private static LadderPosition fitting(LadderPosition state, LayerShape layer, TrainingView view) {
        if (state.exact()) {
            return state;
        }
        Optional<String> refusal = view.reuseRefusal(layer.name(), state.level(state.index()));
        if (refusal.isEmpty()) {
            return state;
        }
        for (int i = state.index() + 1; i < state.ladder().size(); i++) {
            ReuseSetting level = state.level(i);
            if (view.reuseRefusal(layer.name(), level).isEmpty()) {
                return state.refined(i, view.step(), String.format(Locale.ROOT, "%s; %s, so {L=%d, H=%d}, the first"
                        + " finer level that fits", state.reason(), refusal.get(), level.subVectorLength(),
                        level.hashBits())).unchecked();
            }
        }
        return state.off(view.step(), state.reason() + "; " + refusal.get() + ", and no finer level fits, exact");
    }

    private LadderPosition next(LadderPosition state, LayerShape layer, ReuseSetting current, TrainingView view) {
        long step = view.step();
        TrainingView.LayerStats stats = view.layer(layer.name());
        boolean exactStep = stats == null || !stats.reused();
        if (current != null && !exactStep && stats.remainingRatio() > rules.maxRatio()) {
            return state.off(step, String.format(Locale.ROOT, "no gain: r_c %.2f", stats.remainingRatio()));
        }
        state = levelRule(state, layer, current, view);
        if (state.exact()) {
            return state;
        }
        List<Double> accuracies = view.testAccuracies();
        if (accuracies.size() > state.accuraciesSeen()) {
            state = state.seen(accuracies.size());
            int n = accuracies.size();
            if (n >= 2 && accuracies.get(n - 1) < accuracies.get(n - 2)) {
                return state.finer(step, String.format(Locale.ROOT, "test accuracy fell: %.2f%% -> %.2f%%",
                        accuracies.get(n - 2) * 100, accuracies.get(n - 1) * 100));
            }
        }
        if (step - state.changedAt() < rules.cooldown()) {
            return state;
        }
        LossTrend trend = new LossTrend(view.recentLosses(), rules.window());
        if (trend.windows() < 2) {
            return state;
        }
        double change = trend.change(0);
        if (!Double.isFinite(change)) {
            return state.finer(step, "loss not finite");
        }
        if (-change < rules.stall()) {
            return state.finer(step, String.format(Locale.ROOT, "loss stalled: %+.1f%% over %d steps", change * 100,
                    rules.window()));
        }
        return healthy(state, trend, step);
    }

    /**
     * The "too coarse" and "too slow" rules: checks a level's output error from its first
     * step on (a probe's error needs no warm-up; the first probe of a layer that does not
     * record its input starts recording and comes back empty, so the check is made at the
     * next step) and its speed after the cooldown (the JIT has compiled the kernel by then).
     */
    private LadderPosition levelRule(LadderPosition state, LayerShape layer, ReuseSetting current,
            TrainingView view) {
        if (current == null || state.timed() || !rules.checksLevels()) {
            return state;
        }
        if (!state.errorChecked()) {
            LadderPosition checked = checks.error(state, layer, view);
            if (!checked.errorChecked() || checked.index() != state.index()) {
                return checked; // not yet recorded, or moved: a moved layer's speed is checked after its cooldown
            }
            state = checked;
        }
        return view.step() - state.changedAt() >= rules.cooldown() ? checks.speed(state, layer, view) : state;
    }

    private LadderPosition healthy(LadderPosition state, LossTrend trend, long step) {
        if (state.index() <= state.floor() || step - state.changedAt() < (long) rules.patience() * rules.window()
                || trend.windows() < rules.patience() + 1) {
            return state;
        }
        double worst = Double.NEGATIVE_INFINITY;
        for (int back = 0; back < rules.patience(); back++) {
            double change = trend.change(back);
            if (!(-change > rules.healthy())) {
                return state;
            }
            worst = Math.max(worst, change);
        }
        return state.coarser(step, String.format(Locale.ROOT, "loss falling: by %.1f%% or more per %d steps for %d "
                + "windows", -worst * 100, rules.window(), rules.patience()));
    }

    static final class Factory implements AdaptationStrategyFactory {
        @Override
        public String name() {
            return "adaptive";
        }

        @Override
        public String description() {
            return "closed loop: each layer moves along a coarse-to-fine {L, H} ladder (then exact) as its "
                    + "measured output error and speed, the loss and test accuracy ask for it";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(
                    ConfigKey.text("ladder", "25:4,25:6,25:8,25:10",
                            "levels L:H from coarse to fine, comma-separated; exact follows the last"),
                    ConfigKey.integer("window", 20, "steps per loss window; two windows' means are compared"),
                    ConfigKey.decimal("stall", 0.01, "move finer when the loss falls by less than this fraction"),
                    ConfigKey.decimal("healthy", 0.05, "a window falling by more than this fraction is healthy"),
                    ConfigKey.integer("patience", 5, "move coarser after this many healthy windows in a row"),
                    ConfigKey.integer("cooldown", 0, "steps from a layer's change to its next loss-driven change "
                            + "and to its speed check; 0 = window"),
                    ConfigKey.decimal("max-ratio", 0.5, "make a layer exact when its measured r_c is above this"),
                    ConfigKey.decimal("min-speedup", DEFAULT_MIN_SPEEDUP, "make a layer exact when its probed reuse "
                            + "step is not this many times faster than exact; 0 = never"),
                    ConfigKey.decimal("max-error", DEFAULT_MAX_ERROR, "move a layer to the first level whose probed "
                            + "output error is at most this (exact when none is); 0 = never"));
        }

        @Override
        public AdaptationStrategy create(Config config) {
            return new AdaptiveStrategy(Ladder.parse(config.text("ladder")), AdaptiveRules.of(
                    config.integer("window"), config.decimal("stall"), config.decimal("healthy"),
                    config.integer("patience"), config.integer("cooldown"), config.decimal("max-ratio"),
                    config.decimal("min-speedup"), config.decimal("max-error")));
        }
    }
}

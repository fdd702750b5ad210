package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.OutputError;
import adr.spi.strategy.ProbeResult;
import adr.spi.strategy.TrainingView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code adaptive} strategy's checks of a layer's level through the engine's probes:
 * its output error against {@code max-error}, its speed against {@code min-speedup}.
 * Each returns the layer's next position, the same one while the layer's input is not
 * recorded yet.
 */
final class LevelChecks {
    private final AdaptiveRules rules;

    LevelChecks(AdaptiveRules rules) {
        this.rules = rules;
    }

    /**
     * The state after measuring the current level's output error (forward-only probes; the
     * error of one is deterministic: same batch, same seed). If it is above
     * {@code max-error}, the finest level is measured next: it is the most accurate, and
     * when it is too coarse as well the layer becomes exact without measuring the levels in
     * between (on the demo's CifarNet, two probes per layer instead of four). Otherwise the
     * levels in between are measured in turn and the first within {@code max-error} is
     * taken. Unchanged while the layer's input is not recorded yet.
     */
    LadderPosition error(LadderPosition state, LayerShape layer, TrainingView view) {
        if (rules.maxError() == 0) {
            return state.errorWithin();
        }
        int index = state.index();
        int finest = state.ladder().size() - 1;
        Optional<OutputError> current = view.probeError(layer.name(), state.level(index));
        if (current.isEmpty()) {
            return state;
        }
        if (!rules.tooCoarse(current.get().relativeError())) {
            return state.errorWithin();
        }
        List<String> tooCoarse = new ArrayList<>(List.of(measured(state.level(index), current.get())));
        Optional<OutputError> last = index == finest ? current : view.probeError(layer.name(), state.level(finest));
        if (last.isEmpty()) {
            return state;
        }
        if (rules.tooCoarse(last.get().relativeError())) {
            String finestToo = index == finest ? ", the finest level"
                    : " and at the finest level " + measured(state.level(finest), last.get());
            return state.off(view.step(), String.format(Locale.ROOT,
                    "too coarse: output error above max-error %.2f at %s%s", rules.maxError(), tooCoarse.get(0),
                    finestToo));
        }
        for (int between = index + 1; between < finest; between++) {
            Optional<OutputError> probe = view.probeError(layer.name(), state.level(between));
            if (probe.isEmpty()) {
                return state;
            }
            if (!rules.tooCoarse(probe.get().relativeError())) {
                return refined(state, between, probe.get(), tooCoarse, view);
            }
            tooCoarse.add(measured(state.level(between), probe.get()));
        }
        return refined(state, finest, last.get(), tooCoarse, view);
    }

    /** Level {@code to}, within {@code max-error} at {@code error}, after the levels {@code tooCoarse}. */
    private LadderPosition refined(LadderPosition state, int to, OutputError error, List<String> tooCoarse,
            TrainingView view) {
        return state.refined(to, view.step(), String.format(Locale.ROOT,
                "too coarse: output error above max-error %.2f at %s; %s has %.2f, finer", rules.maxError(),
                String.join(", ", tooCoarse), state.level(to), error.relativeError()));
    }

    private static String measured(ReuseSetting level, OutputError error) {
        return String.format(Locale.ROOT, "%s %.2f", level, error.relativeError());
    }

    /**
     * The state after timing the current level: exact unless the median of
     * {@value SpeedProbe#PROBES} probes finds its step {@code min-speedup} times faster than
     * exact. Unchanged when the layer's input is not recorded.
     */
    LadderPosition speed(LadderPosition state, LayerShape layer, TrainingView view) {
        if (rules.minSpeedup() == 0) {
            return state.speedChecked();
        }
        Optional<ProbeResult> median = SpeedProbe.median(view, layer.name(), state.level(state.index()));
        if (median.isEmpty()) {
            return state;
        }
        double speedup = SpeedProbe.speedup(median.get());
        if (speedup >= rules.minSpeedup()) {
            return state.speedChecked();
        }
        String verdict = speedup < 1 ? "no gain" : String.format(Locale.ROOT, "gain under min-speedup %.2f",
                rules.minSpeedup());
        return state.off(view.step(), String.format(Locale.ROOT, "%s: reuse step %.1f ms against exact %.1f ms",
                verdict, median.get().reuseSeconds() * 1000, median.get().exactSeconds() * 1000));
    }
}

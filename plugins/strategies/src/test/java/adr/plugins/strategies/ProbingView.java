package adr.plugins.strategies;

import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.OutputError;
import adr.spi.strategy.ProbeResult;
import adr.spi.strategy.TrainingView;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A training view whose probe results come from a script, for decision tests without
 * training; every probe is logged as {@code "step layer L:H"}, every error-only probe as
 * {@code "step layer L:H error"}. 100 steps per epoch.
 *
 * @param recentLosses the losses the view shows (none unless given)
 * @param tooLarge the settings the run's batch is too large to reuse (none unless given)
 */
record ProbingView(long step, Script script, List<String> probes, List<Double> recentLosses,
        Predicate<ReuseSetting> tooLarge) implements TrainingView {

    ProbingView(long step, Script script, List<String> probes) {
        this(step, script, probes, List.of());
    }

    ProbingView(long step, Script script, List<String> probes, List<Double> recentLosses) {
        this(step, script, probes, recentLosses, setting -> false);
    }

    /** The measurement of {@code setting} on {@code layer} before {@code step}; empty = no input yet. */
    interface Script {
        Optional<ProbeResult> probe(long step, String layer, ReuseSetting setting);
    }

    static ProbeResult result(double error, double remainingRatio) {
        return new ProbeResult(error, remainingRatio, 0.01, 0.02);
    }

    @Override
    public int epoch() {
        return (int) (step / stepsPerEpoch()) + 1;
    }

    @Override
    public long stepsPerEpoch() {
        return 100;
    }

    @Override
    public long totalSteps() {
        return 300;
    }

    @Override
    public List<Double> testAccuracies() {
        return List.of();
    }

    @Override
    public LayerStats layer(String name) {
        return null;
    }

    @Override
    public Optional<ProbeResult> probe(String layer, ReuseSetting setting) {
        probes.add(step + " " + layer + " " + setting.subVectorLength() + ":" + setting.hashBits());
        return script.probe(step, layer, setting);
    }

    /** Logged as {@code "step layer L:H error"}; the scripted result without its timings. */
    @Override
    public Optional<OutputError> probeError(String layer, ReuseSetting setting) {
        probes.add(step + " " + layer + " " + setting.subVectorLength() + ":" + setting.hashBits() + " error");
        return script.probe(step, layer, setting).map(p -> new OutputError(p.relativeError(), p.remainingRatio()));
    }

    @Override
    public Optional<String> reuseRefusal(String layer, ReuseSetting setting) {
        return tooLarge.test(setting) ? Optional.of("batch 64 too large to reuse L=" + setting.subVectorLength() + " H="
                + setting.hashBits()) : Optional.empty();
    }
}

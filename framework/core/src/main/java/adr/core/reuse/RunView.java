package adr.core.reuse;

import adr.core.train.StepContext;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.OutputError;
import adr.spi.strategy.ProbeResult;
import adr.spi.strategy.TrainingView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** The training view the controller keeps for strategies and policies. */
final class RunView implements TrainingView {
    private static final int LOSS_WINDOW = 256;

    private final ArrayDeque<Double> losses = new ArrayDeque<>();
    private final List<Double> accuracies = new ArrayList<>();
    private final Map<String, LayerStats> layers = new HashMap<>();
    private StepContext context = new StepContext(1, 0, 1, 1);
    private final BiFunction<String, ReuseSetting, Optional<ProbeResult>> probes;
    private final BiFunction<String, ReuseSetting, Optional<OutputError>> errorProbes;
    private final BiFunction<String, ReuseSetting, Optional<String>> refusals;

    /**
     * @param probes measures a setting on a layer for {@link #probe}
     * @param errorProbes measures a setting's output error on a layer for {@link #probeError}
     * @param refusals why the run's batch cannot reuse a setting on a layer, for {@link #reuseRefusal}
     */
    RunView(BiFunction<String, ReuseSetting, Optional<ProbeResult>> probes,
            BiFunction<String, ReuseSetting, Optional<OutputError>> errorProbes,
            BiFunction<String, ReuseSetting, Optional<String>> refusals) {
        this.probes = probes;
        this.errorProbes = errorProbes;
        this.refusals = refusals;
    }

    void at(StepContext next) {
        context = next;
    }

    void record(double loss) {
        if (losses.size() == LOSS_WINDOW) {
            losses.removeFirst();
        }
        losses.addLast(loss);
    }

    void layer(String name, double ratio, double seconds, boolean reused) {
        layers.put(name, new LayerStats(ratio, seconds, reused));
    }

    void testAccuracy(double accuracy) {
        accuracies.add(accuracy);
    }

    @Override
    public long step() {
        return context.globalStep();
    }

    @Override
    public int epoch() {
        return context.epoch();
    }

    @Override
    public long stepsPerEpoch() {
        return context.stepsInEpoch();
    }

    @Override
    public long totalSteps() {
        return context.totalSteps();
    }

    @Override
    public List<Double> recentLosses() {
        return List.copyOf(losses);
    }

    @Override
    public List<Double> testAccuracies() {
        return Collections.unmodifiableList(accuracies);
    }

    @Override
    public LayerStats layer(String name) {
        return layers.get(name);
    }

    @Override
    public Optional<ProbeResult> probe(String layer, ReuseSetting setting) {
        return probes.apply(layer, setting);
    }

    @Override
    public Optional<OutputError> probeError(String layer, ReuseSetting setting) {
        return errorProbes.apply(layer, setting);
    }

    @Override
    public Optional<String> reuseRefusal(String layer, ReuseSetting setting) {
        return refusals.apply(layer, setting);
    }
}

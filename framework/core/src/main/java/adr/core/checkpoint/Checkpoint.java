package adr.core.checkpoint;

import adr.core.nn.Network;
import adr.core.nn.Parameter;
import adr.core.train.SgdMomentum;
import adr.core.train.TrainingProgress;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything needed to resume a run exactly: which model on which inputs, the seed, how
 * far training got, the resolved configuration, and copies of the weights and optimizer
 * buffers by parameter name.
 *
 * <p>The arrays are snapshots: {@link #capture} copies them so training can go on while
 * the checkpoint is written, and {@link #restoreInto} copies them back into live arrays.
 * Maps keep the network's parameter order so the file layout is stable.
 *
 * @param model the catalog name of the model, e.g. {@code cifarnet}
 * @param inputShape one sample's shape, {@code [channels, height, width]}
 * @param config the resolved run configuration, free-form, kept for provenance
 */
public record Checkpoint(String model, long[] inputShape, int classes, long seed, TrainingProgress progress,
        Map<String, String> config, Map<String, INDArray> parameters, Map<String, INDArray> optimizerState) {

    public Checkpoint {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(progress, "progress");
        inputShape = inputShape.clone();
        config = frozen(config);
        parameters = frozen(parameters);
        optimizerState = frozen(optimizerState);
    }

    /** Snapshots the live network and optimizer (copies, so later steps do not change it). */
    public static Checkpoint capture(Network net, SgdMomentum opt, int classes, long seed, TrainingProgress progress,
            Map<String, String> config) {
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        for (Parameter p : net.parameters()) {
            if (parameters.put(p.name(), p.value().dup('c')) != null) {
                throw new IllegalStateException("model " + net.name() + " has two parameters named " + p.name());
            }
        }
        Map<String, INDArray> state = new LinkedHashMap<>();
        opt.state().forEach((name, buffer) -> state.put(name, buffer.dup('c')));
        return new Checkpoint(net.name(), net.inputShape(), classes, seed, progress, config, parameters, state);
    }

    /**
     * Copies the saved weights and optimizer buffers into {@code net} and {@code opt}.
     *
     * <p>Everything is checked before anything is written, so a mismatch leaves the live
     * network untouched rather than half restored.
     *
     * @throws CheckpointException if a parameter or buffer is missing, extra, or shaped differently
     */
    public void restoreInto(Network net, SgdMomentum opt) {
        for (Parameter p : net.parameters()) {
            requireFits("parameter", p.name(), parameters.get(p.name()), p.value(), net);
        }
        for (String name : parameters.keySet()) {
            if (net.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw mismatch(net, "the checkpoint has parameter " + name + " which the network lacks");
            }
        }
        for (var e : opt.state().entrySet()) {
            requireFits("optimizer state", e.getKey(), optimizerState.get(e.getKey()), e.getValue(), net);
        }
        for (Parameter p : net.parameters()) {
            p.value().assign(parameters.get(p.name()));
        }
        opt.restore(optimizerState);
    }

    private void requireFits(String kind, String name, INDArray saved, INDArray live, Network net) {
        if (saved == null) {
            throw mismatch(net, "the checkpoint has no " + kind + " " + name);
        }
        if (!Arrays.equals(saved.shape(), live.shape())) {
            throw mismatch(net, kind + " " + name + " has shape " + Arrays.toString(saved.shape())
                    + " in the checkpoint but " + Arrays.toString(live.shape()) + " in the network");
        }
    }

    private CheckpointException mismatch(Network net, String detail) {
        return new CheckpointException("checkpoint of model " + model + " " + Arrays.toString(inputShape)
                + " does not fit network " + net.name() + " " + Arrays.toString(net.inputShape()) + ": " + detail
                + "; restore with the model and input shape the checkpoint was written with");
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    // Records compare arrays by identity; the shape is a value, so compare it as one.
    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && model.equals(c.model) && Arrays.equals(inputShape, c.inputShape)
                && classes == c.classes && seed == c.seed && progress.equals(c.progress) && config.equals(c.config)
                && parameters.equals(c.parameters) && optimizerState.equals(c.optimizerState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, Arrays.hashCode(inputShape), classes, seed, progress, config, parameters.keySet());
    }

    // The default would print every weight.
    @Override
    public String toString() {
        return "Checkpoint[model=" + model + ", inputShape=" + Arrays.toString(inputShape) + ", classes=" + classes
                + ", seed=" + seed + ", progress=" + progress + ", parameters=" + parameters.keySet()
                + ", optimizerState=" + optimizerState.keySet() + "]";
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        map.forEach((k, v) -> Objects.requireNonNull(v, () -> "checkpoint entry " + k + " is null"));
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

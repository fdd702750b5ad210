package adr.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A sequential stack of layers ending in class logits. */
public final class Network {
    private final String name;
    private final long[] inputShape;
    private final List<Layer> layers;
    private final List<Parameter> parameters;

    public Network(String name, long[] inputShape, List<Layer> layers) {
        this.name = name;
        this.inputShape = inputShape.clone();
        this.layers = List.copyOf(layers);
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : this.layers) {
            all.addAll(layer.parameters());
        }
        this.parameters = List.copyOf(all);
    }

    public String name() {
        return name;
    }

    /** One sample's input shape, {@code [channels, height, width]}. */
    public long[] inputShape() {
        return inputShape.clone();
    }

    public List<Layer> layers() {
        return layers;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public long parameterCount() {
        return parameters.stream().mapToLong(p -> p.value().length()).sum();
    }

    public INDArray forward(INDArray input, boolean training) {
        long[] sample = Arrays.copyOfRange(input.shape(), 1, input.rank());
        if (!Arrays.equals(sample, inputShape)) {
            throw new IllegalArgumentException("model " + name + " expects inputs of shape "
                    + Arrays.toString(inputShape) + " but got " + Arrays.toString(sample));
        }
        INDArray x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, training);
        }
        return x;
    }

    /**
     * Back-propagates the logits' gradient through every layer; returns the input
     * gradient, or null when the first layer does not compute one.
     */
    public INDArray backward(INDArray gradLogits) {
        INDArray g = gradLogits;
        for (int i = layers.size() - 1; i >= 0 && g != null; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }
}

package adr.core.nn;

import adr.core.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds a {@link Network} layer by layer, tracking the activation shape so each layer
 * gets its input size, and drawing each layer's initial weights from its own named
 * seed stream ({@code init/<layer>}).
 */
public final class NetworkBuilder {
    private final String name;
    private final long[] inputShape;
    private final Seeds seeds;
    private final DataType dataType;
    private final ConvAlgorithm convAlgorithm;
    private final List<Layer> layers = new ArrayList<>();
    private long[] shape;

    public NetworkBuilder(String name, long[] inputShape, Seeds seeds, DataType dataType, ConvAlgorithm convAlgorithm) {
        this.name = name;
        this.inputShape = inputShape.clone();
        this.shape = inputShape.clone();
        this.seeds = seeds;
        this.dataType = dataType;
        this.convAlgorithm = convAlgorithm;
    }

    /** Convolution with He-initialised weights, zero bias, followed by ReLU. */
    public NetworkBuilder convRelu(String layer, int outChannels, int kernel, int stride, int padding) {
        return conv(layer, outChannels, kernel, stride, padding).relu(layer + ".relu");
    }

    /** Convolution with He-initialised weights and zero bias. */
    public NetworkBuilder conv(String layer, int outChannels, int kernel, int stride, int padding) {
        ConvGeometry g = new ConvGeometry((int) shape[0], outChannels, kernel, stride, padding);
        var weights = Initializer.heNormal(seeds.stream("init/" + layer), dataType, g.rowLength(),
                outChannels, g.inChannels(), kernel, kernel);
        boolean first = layers.isEmpty();
        return add(new Conv2d(layer, g, convAlgorithm, weights, Initializer.zeros(dataType, outChannels), !first));
    }

    public NetworkBuilder relu(String layer) {
        return add(new Relu(layer));
    }

    public NetworkBuilder maxPool(String layer, int size, int stride) {
        return add(new MaxPool2d(layer, size, stride));
    }

    public NetworkBuilder flatten() {
        return add(new Flatten("flatten"));
    }

    /** Fully connected layer; {@code relu} adds a ReLU after it. */
    public NetworkBuilder dense(String layer, int outFeatures, boolean relu) {
        long in = shape[0];
        var weights = Initializer.heNormal(seeds.stream("init/" + layer), dataType, in, in, outFeatures);
        add(new Dense(layer, weights, Initializer.zeros(dataType, outFeatures)));
        return relu ? add(new Relu(layer + ".relu")) : this;
    }

    public NetworkBuilder dropout(String layer, double rate) {
        return add(new Dropout(layer, rate, seeds.stream("dropout/" + layer)));
    }

    public NetworkBuilder add(Layer layer) {
        shape = layer.outputShape(shape);
        layers.add(layer);
        return this;
    }

    public Network build() {
        return new Network(name, inputShape, layers);
    }
}

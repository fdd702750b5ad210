package adr.core.nn;

import adr.spi.LayerShape;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Exact 2-D convolution with bias; the arithmetic is delegated to a {@link ConvKernel}. */
public final class Conv2d implements Layer {
    private final String name;
    private final ConvGeometry geometry;
    private final ConvAlgorithm algorithm;
    private final ConvKernel exact;
    private ConvKernel kernel;
    private final Parameter weights;
    private final Parameter bias;
    private final boolean inputGradient;
    private INDArray input;
    /** Null until {@link #keepTrainingInputs}: layers nobody measures copy nothing. */
    private Scratch keptInput;
    private INDArray lastTrainingInput;
    /** Wall time of the current training step's forward, then forward and backward. */
    private long stepNanos;
    private double lastStepSeconds;

    public Conv2d(String name, ConvGeometry geometry, ConvAlgorithm algorithm, INDArray weights, INDArray bias) {
        this(name, geometry, algorithm, weights, bias, true);
    }

    /** @param inputGradient false for a first layer, whose backward then returns null */
    public Conv2d(String name, ConvGeometry geometry, ConvAlgorithm algorithm, INDArray weights, INDArray bias,
            boolean inputGradient) {
        this.inputGradient = inputGradient;
        this.name = name;
        this.geometry = geometry;
        this.algorithm = algorithm;
        this.exact = algorithm.kernel(geometry);
        this.kernel = exact;
        this.weights = Parameter.weight(name + ".weight", weights);
        this.bias = Parameter.bias(name + ".bias", bias);
    }

    @Override
    public String name() {
        return name;
    }

    public ConvGeometry geometry() {
        return geometry;
    }

    /** Whether backward returns an input gradient (false for a first layer). */
    public boolean computesInputGradient() {
        return inputGradient;
    }

    /** The exact kernel, which a reuse kernel falls back on for exact parts. */
    public ConvKernel exactKernel() {
        return exact;
    }

    /**
     * Computes the next forward and backward with {@code replacement} (a reuse kernel),
     * or exactly again when it is null. Set between steps, never between a forward and
     * its backward.
     */
    public void useKernel(ConvKernel replacement) {
        this.kernel = replacement == null ? exact : replacement;
    }

    /**
     * A new exact kernel of this layer's algorithm with buffers of its own, so that
     * measuring with it leaves the layer's kernels (and what they keep for backward) alone.
     */
    public ConvKernel newExactKernel() {
        return algorithm.kernel(geometry);
    }

    /** The output {@code kernel} computes for {@code x} with this layer's current weights; the layer is untouched. */
    public INDArray forwardWith(ConvKernel kernel, INDArray x) {
        return kernel.forward(x, weights.value(), bias.value());
    }

    /**
     * The backward {@code kernel} computes after its {@link #forwardWith} on {@code x}, into
     * fresh gradient arrays; the layer's own gradients are untouched.
     */
    public void backwardWith(ConvKernel kernel, INDArray x, INDArray gradOutput) {
        INDArray w = weights.value();
        kernel.backward(x, w, gradOutput, Nd4j.zeros(w.dataType(), w.shape()),
                Nd4j.zeros(w.dataType(), bias.value().shape()), inputGradient);
    }

    /** From now on, keep a copy of every training forward's input for {@link #lastTrainingInput}. */
    public void keepTrainingInputs() {
        if (keptInput == null) {
            keptInput = new Scratch();
        }
    }

    /** Stops keeping inputs and drops the last one (until {@link #keepTrainingInputs} again). */
    public void stopKeepingTrainingInputs() {
        keptInput = null;
        lastTrainingInput = null;
    }

    /**
     * The input of the last training forward since {@link #keepTrainingInputs}, or empty.
     * The next training forward overwrites it, unless that one's batch is smaller: an
     * epoch's short last batch measures a layer at fewer rows than training runs it with.
     * Callers must not modify it.
     */
    public Optional<INDArray> lastTrainingInput() {
        return Optional.ofNullable(lastTrainingInput);
    }

    /** The layer as the plugins see it: name and geometry. */
    public LayerShape shape() {
        return new LayerShape(name, geometry.inChannels(), geometry.outChannels(), geometry.kernel(),
                geometry.stride(), geometry.padding());
    }

    @Override
    public long[] outputShape(long[] in) {
        if (in.length != 3 || in[0] != geometry.inChannels()) {
            throw new IllegalArgumentException(name + " expects [" + geometry.inChannels() + ", h, w] input, got "
                    + java.util.Arrays.toString(in));
        }
        return new long[] {geometry.outChannels(), geometry.outputSize((int) in[1]), geometry.outputSize((int) in[2])};
    }

    /**
     * The exact kernel's output and input gradient (libnd4j's conv2d_bp computes the latter
     * even for a first layer); the im2col kernel's unfolded columns and a reuse kernel's
     * tables come on top.
     */
    @Override
    public long keptFloats(long[] in) {
        return Layer.elements(outputShape(in)) + Layer.elements(in);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        this.input = x;
        if (training && keptInput != null && (lastTrainingInput == null || x.size(0) >= lastTrainingInput.size(0))) {
            // a copy: x is the previous layer's scratch buffer, which evaluation overwrites
            lastTrainingInput = keptInput.like(x).assign(x);
        }
        long start = System.nanoTime();
        INDArray out = kernel.forward(x, weights.value(), bias.value());
        if (training) {
            stepNanos = System.nanoTime() - start;
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        long start = System.nanoTime();
        INDArray gradInput = kernel.backward(input, weights.value(), gradOutput, weights.gradient(), bias.gradient(),
                inputGradient);
        input = null;
        lastStepSeconds = (stepNanos + System.nanoTime() - start) / 1e9;
        return gradInput;
    }

    /**
     * Wall seconds of the last training step's forward and backward through this layer,
     * whichever kernel computed them; 0 before the first backward.
     */
    public double lastStepSeconds() {
        return lastStepSeconds;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }
}

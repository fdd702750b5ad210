package adr.bench;

import adr.core.train.LearningRateSchedule;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The DL4J peer: a {@link MultiLayerNetwork} with the architecture of one of ADR's models
 * ({@link adr.core.model.ModelCatalog}), used only to measure our engine against an
 * established one on the same machine. It mirrors each model layer by layer, so a test
 * compares its parameter count with ours to catch drift when the catalog changes.
 *
 * <p>Set up the way a DL4J user would: NCHW input ({@code InputType.convolutional}),
 * He initialisation ({@code WeightInit.RELU}), Nesterov momentum 0.9 with weight decay
 * on weights only, FLOAT, softmax with multi-class cross-entropy, DL4J's default
 * workspaces.
 *
 * <p>oneDNN: with {@code onednnHelpers} the convolution and pooling layers run DL4J's
 * MKLDNN (oneDNN) layer helpers, which call libnd4j's conv2d/maxpool ops, so the peer
 * uses the same oneDNN kernels as our NATIVE convolution. In 1.0.0-M2.1 that takes
 * three switches, none of them on by default: the system property
 * {@value #HELPERS_DISABLE_PROPERTY} (DL4J reads it as {@code true} when unset), ND4J's
 * {@code allowHelpers}, and the {@link org.nd4j.nativeblas.Nd4jCpu} shim that repairs
 * DL4J's oneDNN detection. Without them DL4J runs its Java im2col + GEMM layers.
 * {@link #convolutionHelper()} reports what was actually picked.
 */
public final class Dl4jPeer {
    /** The models the peer can mirror; the same names as {@link adr.core.model.ModelCatalog#NAMES}. */
    public static final List<String> MODELS = List.of("cifarnet", "vgg-small");
    /** DL4J 1.0.0-M2.1 creates no layer helper unless this is {@code "false"}. */
    static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    /**
     * The optimiser settings, shared with our engine's {@code SgdMomentum}.
     *
     * @param schedule our engine's learning-rate schedule, followed step by step, or null
     *     for a constant {@code learningRate}
     * @param totalSteps the run's steps, for the schedule
     */
    public record Sgd(double learningRate, double momentum, double weightDecay, LearningRateSchedule schedule,
            long totalSteps) {

        public Sgd(double learningRate, double momentum, double weightDecay) {
            this(learningRate, momentum, weightDecay, null, 0);
        }

        /** DL4J's form: the schedule's rate at every iteration of the run. */
        ISchedule dl4jSchedule() {
            MapSchedule.Builder rates = new MapSchedule.Builder(ScheduleType.ITERATION);
            for (int step = 0; step < Math.max(1, totalSteps); step++) {
                rates.add(step, schedule.rate(step, totalSteps));
            }
            return rates.build();
        }
    }

    private final String model;
    private final MultiLayerNetwork network;

    private Dl4jPeer(String model, MultiLayerNetwork network) {
        this.model = model;
        this.network = network;
    }

    /**
     * Builds and initialises the peer of a named model.
     *
     * @param inputShape one sample's shape, {@code [channels, height, width]}
     * @throws IllegalArgumentException for a model the peer cannot mirror
     */
    public static Dl4jPeer build(String model, long[] inputShape, int classes, long seed, Sgd sgd,
            boolean onednnHelpers) {
        // Helpers are chosen when the layers are created (network.init() below), so the
        // property only has to hold until then. allowHelpers is process-wide and also
        // governs the oneDNN platform helpers behind the conv2d op our NATIVE kernel
        // calls: it is ND4J's default, so it is only ever switched on here, never off.
        System.setProperty(HELPERS_DISABLE_PROPERTY, Boolean.toString(!onednnHelpers));
        if (onednnHelpers) {
            Nd4j.getEnvironment().allowHelpers(true);
        }
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                .updater(sgd.schedule() == null ? new Nesterovs(sgd.learningRate(), sgd.momentum())
                        : new Nesterovs(sgd.dl4jSchedule(), sgd.momentum()))
                .weightDecay(sgd.weightDecay(), true)
                .convolutionMode(ConvolutionMode.Truncate)
                .list();
        switch (model) {
            case "cifarnet" -> cifarNet(layers, classes);
            case "vgg-small" -> vggSmall(layers, classes);
            default -> throw new IllegalArgumentException(
                    "the DL4J peer has no model '" + model + "'; known models: " + String.join(", ", MODELS));
        }
        layers.setInputType(InputType.convolutional(inputShape[1], inputShape[2], inputShape[0]));
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return new Dl4jPeer(model, network);
    }

    /** Mirrors ModelCatalog's CifarNet: two 5x5x64 conv+ReLU, each with 2x2 max pooling, then 384, 192, classes. */
    private static void cifarNet(NeuralNetConfiguration.ListBuilder b, int classes) {
        b.layer(convRelu(64, 5, 1, 2)).layer(maxPool(2, 2))
                .layer(convRelu(64, 5, 1, 2)).layer(maxPool(2, 2))
                .layer(denseRelu(384))
                .layer(denseRelu(192))
                .layer(softmaxOutput(classes, 0));
    }

    /** Mirrors ModelCatalog's vgg-small: 3x3 conv blocks of 64, 128, 256, dense 256, dropout 0.5, classes. */
    private static void vggSmall(NeuralNetConfiguration.ListBuilder b, int classes) {
        b.layer(convRelu(64, 3, 1, 1)).layer(convRelu(64, 3, 1, 1)).layer(maxPool(2, 2))
                .layer(convRelu(128, 3, 1, 1)).layer(convRelu(128, 3, 1, 1)).layer(maxPool(2, 2))
                .layer(convRelu(256, 3, 1, 1)).layer(convRelu(256, 3, 1, 1)).layer(maxPool(2, 2))
                .layer(denseRelu(256))
                // Ours drops fc1's output at rate 0.5; DL4J applies a layer's dropout to its
                // input and takes the probability of *keeping* a unit, so 0.5 goes here.
                .layer(softmaxOutput(classes, 0.5));
    }

    private static ConvolutionLayer convRelu(int outChannels, int kernel, int stride, int padding) {
        return new ConvolutionLayer.Builder(new int[] {kernel, kernel}, new int[] {stride, stride},
                new int[] {padding, padding}).nOut(outChannels).activation(Activation.RELU).build();
    }

    private static SubsamplingLayer maxPool(int size, int stride) {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(size, size).stride(stride, stride).build();
    }

    private static DenseLayer denseRelu(int out) {
        return new DenseLayer.Builder().nOut(out).activation(Activation.RELU).build();
    }

    private static OutputLayer softmaxOutput(int classes, double keepInput) {
        OutputLayer.Builder b = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(classes).activation(Activation.SOFTMAX);
        if (keepInput > 0) {
            b.dropOut(keepInput);
        }
        return b.build();
    }

    public String model() {
        return model;
    }

    /** One training step (forward, backward, update) on a batch; returns the batch loss. */
    public double fit(INDArray features, INDArray oneHotLabels) {
        network.fit(features, oneHotLabels);
        // Reading the score back is a host read of the loss: the step is complete here.
        return network.score();
    }

    /** Class scores for a batch in evaluation mode (no dropout). */
    public INDArray output(INDArray features) {
        return network.output(features, false);
    }

    public long parameterCount() {
        return network.numParams();
    }

    /**
     * The helper class DL4J chose for the first convolution layer, or {@code "none"} when
     * it runs its built-in im2col path. Helpers are created with the layer, so this is
     * known before the first step.
     */
    public String convolutionHelper() {
        for (var layer : network.getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer conv) {
                LayerHelper helper = conv.getHelper();
                return helper == null ? "none" : helper.getClass().getSimpleName();
            }
        }
        return "none";
    }

    /** One-hot rows for integer class labels, in FLOAT as the network expects. */
    public static INDArray oneHot(int[] labels, int classes) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(values, new long[] {labels.length, classes}, 'c');
    }
}

package adr.core.model;

import adr.core.nn.Conv2d;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.Layer;
import adr.core.nn.Network;
import adr.core.nn.NetworkBuilder;
import adr.core.random.Seeds;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/** The models ADR ships, by name. */
public final class ModelCatalog {
    public static final List<String> NAMES = List.of("cifarnet", "vgg-small");

    private ModelCatalog() {
    }

    /**
     * Builds a named model for inputs of shape {@code [channels, height, width]}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Network build(String name, long[] inputShape, int classes, Seeds seeds, DataType type,
            ConvAlgorithm conv) {
        NetworkBuilder b = new NetworkBuilder(name, inputShape, seeds, type, conv);
        return switch (name) {
            case "cifarnet" -> cifarNet(b, classes);
            case "vgg-small" -> vggSmall(b, classes);
            default -> throw new IllegalArgumentException(
                    "unknown model '" + name + "'; known models: " + String.join(", ", NAMES));
        };
    }

    /**
     * The names of a model's convolutions, in order, known before any data is read: a
     * model's layer names do not depend on its input shape, so a small nominal input serves.
     */
    public static List<String> convolutions(String name) {
        Network nominal = build(name, new long[] {3, 32, 32}, 10, new Seeds(0), DataType.FLOAT, ConvAlgorithm.IM2COL);
        return nominal.layers().stream().filter(Conv2d.class::isInstance).map(Layer::name).toList();
    }

    /**
     * CifarNet as in the adaptive deep reuse paper: two 5x5x64 convolutions with ReLU,
     * each followed by 2x2 max pooling, then fully connected 384, 192 and the classes.
     *
     * <p>ReLU is applied after the pooling: max-pooling and ReLU commute exactly
     * ({@code max(relu(x)) = relu(max(x))}, and the gradients agree), and ReLU then
     * touches a quarter of the values. The function computed is the paper's.
     */
    private static Network cifarNet(NetworkBuilder b, int classes) {
        return b.conv("conv1", 64, 5, 1, 2).maxPool("pool1", 2, 2).relu("pool1.relu")
                .conv("conv2", 64, 5, 1, 2).maxPool("pool2", 2, 2).relu("pool2.relu")
                .flatten()
                .dense("fc1", 384, true)
                .dense("fc2", 192, true)
                .dense("fc3", classes, false)
                .build();
    }

    /**
     * Six 3x3 convolutions in three blocks of 64, 128 and 256 channels, then two dense
     * layers. As in CifarNet, the ReLU of each block's last convolution runs after the
     * pooling, where it computes the same function on a quarter of the values.
     */
    private static Network vggSmall(NetworkBuilder b, int classes) {
        return b.convRelu("conv1", 64, 3, 1, 1).conv("conv2", 64, 3, 1, 1).maxPool("pool1", 2, 2).relu("pool1.relu")
                .convRelu("conv3", 128, 3, 1, 1).conv("conv4", 128, 3, 1, 1).maxPool("pool2", 2, 2)
                .relu("pool2.relu")
                .convRelu("conv5", 256, 3, 1, 1).conv("conv6", 256, 3, 1, 1).maxPool("pool3", 2, 2)
                .relu("pool3.relu")
                .flatten()
                .dense("fc1", 256, true)
                .dropout("drop1", 0.5)
                .dense("fc2", classes, false)
                .build();
    }
}

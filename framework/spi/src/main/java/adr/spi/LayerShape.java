package adr.spi;

/**
 * A convolution layer as the engine unfolds it: each output pixel of each image is
 * one row (a neuron vector) of length {@code K = inChannels * kernel * kernel}, and the
 * product with the {@code K x outChannels} weights gives the output.
 */
public record LayerShape(String name, int inChannels, int outChannels, int kernel, int stride, int padding) {

    public LayerShape {
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("invalid layer shape " + name);
        }
    }

    /** {@code K}, the length of one unfolded row. */
    public int rowLength() {
        return inChannels * kernel * kernel;
    }
}

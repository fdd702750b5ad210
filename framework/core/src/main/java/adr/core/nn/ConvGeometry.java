package adr.core.nn;

/**
 * The fixed shape facts of a square-kernel 2-D convolution.
 * Weights are laid out {@code [outChannels, inChannels, kernel, kernel]}.
 */
public record ConvGeometry(int inChannels, int outChannels, int kernel, int stride, int padding) {

    public ConvGeometry {
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("invalid convolution geometry " + this);
        }
    }

    public int outputSize(int inputSize) {
        int out = (inputSize + 2 * padding - kernel) / stride + 1;
        if (out < 1) {
            throw new IllegalArgumentException("input size " + inputSize + " is too small for kernel " + kernel);
        }
        return out;
    }

    /**
     * Whether a transposed convolution of the output restores exactly {@code inputSize}: not
     * when the stride skips the last rows ({@code (inputSize + 2p - k)} not a multiple of it).
     */
    boolean transposeRestores(int inputSize) {
        return (outputSize(inputSize) - 1) * stride + kernel - 2 * padding == inputSize;
    }

    /** An input side with the zero padding on both ends: the side a padded copy of a plane has. */
    public int paddedSize(int inputSize) {
        return inputSize + 2 * padding;
    }

    /** Length of one unfolded input row: {@code K = C * kh * kw}. */
    public int rowLength() {
        return inChannels * kernel * kernel;
    }

    /** Integer arguments shared by libnd4j's conv2d, conv2d_bp, im2col and col2im ops. */
    int[] kernelArgs() {
        return new int[] {kernel, kernel, stride, stride, padding, padding, 1, 1};
    }
}

package adr.core.nn;

/**
 * How the exact convolution is computed. Measured on this project's 2-core build
 * machine (CifarNet conv2, batch 64, forward): the oneDNN-backed native op ran in
 * 7 ms against 64 ms for im2col+GEMM; on the generic native build the native op ran
 * in 277 ms against 87 ms. {@link #AUTO} therefore picks {@link #NATIVE} when the
 * loaded ND4J build has oneDNN and {@link #IM2COL} otherwise.
 */
public enum ConvAlgorithm {
    /** libnd4j's conv2d / conv2d_bp ops (oneDNN when the build has it). */
    NATIVE,
    /** Unfold with im2col, one large GEMM, fold gradients back with col2im. */
    IM2COL,
    /** The faster of the two for the loaded native build. */
    AUTO;

    public ConvAlgorithm resolve() {
        if (this != AUTO) {
            return this;
        }
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension", "");
        return extension.contains("onednn") ? NATIVE : IM2COL;
    }

    ConvKernel kernel(ConvGeometry geometry) {
        return switch (resolve()) {
            case NATIVE -> new NativeConvKernel(geometry);
            case IM2COL -> new Im2colConvKernel(geometry);
            case AUTO -> throw new IllegalStateException("AUTO resolves to a concrete algorithm");
        };
    }
}

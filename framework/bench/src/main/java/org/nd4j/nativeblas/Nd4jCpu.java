package org.nd4j.nativeblas;

/**
 * Compatibility shim that lets DL4J 1.0.0-M2.1 find out that the loaded ND4J build has
 * oneDNN, so the DL4J peer of {@code adr bench peer} can run DL4J's oneDNN layer helpers.
 *
 * <p>Why it exists: DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up, by
 * reflection, {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}.
 * In nd4j-native 1.0.0-M2.1 that class moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method was
 * renamed {@code isUseONEDNN()}, so the lookup always fails, every MKLDNN helper reports
 * itself unsupported and DL4J silently falls back to its Java im2col + GEMM layers (about
 * 8x slower per CifarNet step on the build machine). This class answers the old lookup
 * from the new binding; it is only on the benchmark's class path and changes nothing
 * but that answer. Remove it when DL4J is upgraded past the mismatch.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The old binding's name, as DL4J's reflection expects it. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether libnd4j's oneDNN platform helpers are on, from the current binding. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}

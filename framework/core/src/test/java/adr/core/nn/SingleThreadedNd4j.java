package adr.core.nn;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a test class's ND4J ops on one thread and restores the previous limit afterwards.
 *
 * <p>Finite-difference checks run thousands of ops on arrays of a few hundred entries, where
 * threads only add synchronisation. Measured on the 2-core build machine while other builds
 * ran: a 2x3x6x6 double conv2d took 5-14 ms with two threads and 0.15-1.5 ms with one,
 * because idle OpenMP workers spin-wait for cores that other processes hold.
 */
final class SingleThreadedNd4j implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SingleThreadedNd4j.class);
    private static final String PREVIOUS = "maxMasterThreads";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(PREVIOUS, Nd4j.getEnvironment().maxMasterThreads());
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Integer previous = context.getStore(NAMESPACE).get(PREVIOUS, Integer.class);
        if (previous != null) {
            Nd4j.getEnvironment().setMaxMasterThreads(previous);
        }
    }
}

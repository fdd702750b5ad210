package adr.core.reuse;

import adr.core.nn.Conv2d;
import adr.core.nn.ConvKernel;
import adr.core.random.Seeds;
import adr.spi.LayerShape;
import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.clustering.SubVectors;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.OutputError;
import adr.spi.strategy.ProbeResult;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures what a reuse setting would do to one convolution (the engine side of
 * {@code TrainingView.probe}): the layer's forward and backward on its last training
 * input, once with a fresh exact kernel and once with a temporary reuse kernel built
 * exactly as the controller would build it for that setting (same clustering factory,
 * configuration and seed), then the relative error of the forward outputs, the
 * {@code r_c} reached and the time of each step.
 *
 * <p>Nothing the layer trains with is touched: both kernels are new objects with their
 * own buffers (the layer's exact kernel keeps state for its backward), the weights are
 * only read and the input is the layer's own copy. A strategy that never probes makes
 * no layer copy its input, so its run is bit for bit what it was.
 */
final class ReuseProbe {
    /** What a probe reuses for a layer that trains exactly now: the forward, clustered afresh. */
    private static final ReuseScope FORWARD = ReuseScope.named("forward");

    private final ClusteringFactory clustering;
    private final Config clusteringConfig;
    private final Seeds seeds;
    /** The exact step of the layer and training step probed last, null before the first probe. */
    private ExactReference reference;
    /** The exact forward of the layer and training step whose error was measured last, null before. */
    private ExactOutput exactOutput;

    ReuseProbe(ClusteringFactory clustering, Config clusteringConfig, Seeds seeds) {
        this.clustering = clustering;
        this.clusteringConfig = clusteringConfig;
        this.seeds = seeds;
    }

    /**
     * Empty while the layer has no recorded training input; the first call starts recording.
     *
     * @param current the scope the layer trains with now: the probe's reuse step reuses
     *     what it reuses (so its time is what training would pay), clustering afresh;
     *     the forward only when the layer is exact
     * @param step the training step the probe is made at: the levels probed at one step
     *     share one exact reference
     */
    Optional<ProbeResult> measure(Conv2d conv, LayerShape shape, ReuseSetting setting, ReuseScope current,
            long step) {
        Optional<INDArray> input = conv.lastTrainingInput();
        if (input.isEmpty()) {
            conv.keepTrainingInputs();
            return Optional.empty();
        }
        INDArray x = input.get();
        ExactReference exact = exactReference(conv, step, setting, x);
        var recording = new RecordingClustering(clustering.create(shape, setting, clusteringConfig,
                ReuseController.clusterSeed(seeds, shape, setting)));
        var kernel = new ReuseConvKernel(conv.geometry(), setting, probeScope(current), recording, exact.kernel());
        Timed reused;
        try {
            reused = secondStep(conv, kernel, x);
        } finally {
            kernel.releaseNative(); // its values are read: the next probe's kernel reuses the memory
        }
        return Optional.of(new ProbeResult(relativeError(reused.values(), exact.timed().values()),
                recording.remainingRatio(), exact.timed().seconds(), reused.seconds()));
    }

    /**
     * The output error and {@code r_c} of {@code setting} from one reuse forward, against
     * one exact forward per layer and step ({@code TrainingView.probeError}); empty while
     * the layer has no recorded training input, and the first call starts recording.
     */
    Optional<OutputError> measureError(Conv2d conv, LayerShape shape, ReuseSetting setting, long step) {
        Optional<INDArray> input = conv.lastTrainingInput();
        if (input.isEmpty()) {
            conv.keepTrainingInputs();
            return Optional.empty();
        }
        INDArray x = input.get();
        if (exactOutput == null || exactOutput.conv() != conv || exactOutput.step() != step) {
            ConvKernel kernel = conv.newExactKernel();
            exactOutput = new ExactOutput(conv, step, kernel, NativeBuffer.read(conv.forwardWith(kernel, x), null));
        }
        var recording = new RecordingClustering(clustering.create(shape, setting, clusteringConfig,
                ReuseController.clusterSeed(seeds, shape, setting)));
        var kernel = new ReuseConvKernel(conv.geometry(), setting, FORWARD, recording, exactOutput.kernel());
        float[] reused;
        try {
            reused = NativeBuffer.read(conv.forwardWith(kernel, x), null);
        } finally {
            kernel.releaseNative();
        }
        return Optional.of(new OutputError(relativeError(reused, exactOutput.values()), recording.remainingRatio()));
    }

    /** One exact forward of a layer at a training step: what {@link #measureError} compares with. */
    private record ExactOutput(Conv2d conv, long step, ConvKernel kernel, float[] values) {
    }

    /**
     * The exact step to compare {@code setting} with. A strategy that probes several levels
     * of a layer at one step compares each with the same input and weights, so the exact
     * step is run once for all of them (CifarNet conv1's took 90-200 ms untimed plus
     * 50-160 ms timed per probe here). A setting probed again at the same step is a
     * repeat for timing (the adaptive strategy's median of three), so it gets a new one.
     */
    private ExactReference exactReference(Conv2d conv, long step, ReuseSetting setting, INDArray x) {
        if (reference == null || reference.conv() != conv || reference.step() != step
                || !reference.settings().add(setting)) {
            ConvKernel kernel = conv.newExactKernel();
            reference = new ExactReference(conv, step, new HashSet<>(Set.of(setting)), kernel,
                    secondStep(conv, kernel, x));
        }
        return reference;
    }

    /**
     * One exact step of a layer at a training step, and the settings compared with it.
     *
     * @param kernel the exact kernel, also the reuse kernels' exact path (they use it one at a time)
     */
    private record ExactReference(Conv2d conv, long step, Set<ReuseSetting> settings, ConvKernel kernel,
            Timed timed) {
    }

    /** The current scope without its cluster cache: a probe must cluster its batch afresh. */
    static ReuseScope probeScope(ReuseScope current) {
        return current.forward() ? new ReuseScope(true, current.weightGradient(), current.inputGradient(), false)
                : FORWARD;
    }

    /** A forward's output values and the wall time of forward and backward. */
    private record Timed(float[] values, double seconds) {
    }

    /**
     * Runs forward and backward twice and times the second: a new kernel's first step
     * allocates its buffers (80 MB of unfolded rows for CifarNet's conv2), which a training
     * step does not pay (CifarNet conv2 at {@code L=25, H=4}: first reuse forward 671 ms,
     * second 77 ms). The backward's output gradient is the output itself: its values do
     * not change the time, and it is finite and of the layer's scale.
     */
    private static Timed secondStep(Conv2d conv, ConvKernel kernel, INDArray x) {
        step(conv, kernel, x);
        long start = System.nanoTime();
        INDArray out = step(conv, kernel, x);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Timed(NativeBuffer.read(out, null), seconds);
    }

    private static INDArray step(Conv2d conv, ConvKernel kernel, INDArray x) {
        INDArray out = conv.forwardWith(kernel, x);
        conv.backwardWith(kernel, x, out.dup());
        return out;
    }

    /**
     * {@code ||approx - exact|| / ||exact||} in double; 0 when both are zero, infinite
     * when only the exact one is (or when either is not finite): no setting can be
     * trusted against such a reference.
     */
    static double relativeError(float[] approx, float[] exact) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < exact.length; i++) {
            double d = (double) approx[i] - exact[i];
            diff += d * d;
            norm += (double) exact[i] * exact[i];
        }
        if (!Double.isFinite(diff) || !Double.isFinite(norm)) {
            return Double.POSITIVE_INFINITY;
        }
        if (norm == 0) {
            return diff == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(diff / norm);
    }

    /** Passes clustering through and remembers the result, whose {@code r_c} the probe reports. */
    private static final class RecordingClustering implements ClusteringAlgorithm {
        private final ClusteringAlgorithm delegate;
        private Assignments last;

        RecordingClustering(ClusteringAlgorithm delegate) {
            this.delegate = delegate;
        }

        @Override
        public void cluster(SubVectors input, Assignments out) {
            delegate.cluster(input, out);
            last = out;
        }

        double remainingRatio() {
            return last.remainingRatio();
        }
    }
}

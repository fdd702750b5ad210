package adr.bench;

import adr.core.data.Augmentation;
import adr.core.data.Batch;
import adr.core.data.Batches;
import adr.core.data.Dataset;
import adr.core.data.Normalization;
import adr.core.model.ModelCatalog;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.train.SgdMomentum;
import adr.core.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains ADR's exact engine and the DL4J peer side by side, in one process, on the same
 * batches, and times both.
 *
 * <p>Method (DESIGN.md section 6): both engines first run the warm-up steps (JIT,
 * oneDNN primitive caches, DL4J workspaces, ND4J's allocator all settle). Then each
 * round runs {@code stepsPerRound} steps of one engine and then of the other, the order
 * flipping every round (ours-peer, peer-ours, ...) so that neither always runs on a
 * machine the other just warmed or heated. Every step is a full training step
 * (forward, backward, update) whose loss is read back to the host as a double, so no
 * ND4J work is still pending when the clock stops. A garbage collection is requested
 * (untimed) before each engine's round, so the collection of one engine's garbage is
 * not charged to the other.
 *
 * <p>The batches come from the real training set, shuffled with the run's seed and
 * normalized as training would, and are built once before any timing: both engines
 * get the identical {@code stepsPerRound} batches every round (ours as {@link Batch},
 * the peer as the same image array plus one-hot labels), so data loading is not timed.
 */
public final class PeerBenchmark {
    /** Weight decay of the engines' SGD, as {@code adr train} uses by default. */
    static final double WEIGHT_DECAY = 5e-4;
    static final double MOMENTUM = 0.9;

    /** What to run; validated on construction. */
    public record Settings(String model, int batchSize, int warmupSteps, int rounds, int stepsPerRound, long seed,
            double learningRate, boolean peerHelpers) {
        public Settings {
            if (!ModelCatalog.NAMES.contains(model)) {
                throw new IllegalArgumentException(
                        "unknown model '" + model + "'; known models: " + String.join(", ", ModelCatalog.NAMES));
            }
            positive("--batch-size", batchSize);
            positive("--rounds", rounds);
            positive("--steps", stepsPerRound);
            if (warmupSteps < 0) {
                throw new IllegalArgumentException("--warmup must be >= 0, got " + warmupSteps);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate);
            }
        }

        private static void positive(String flag, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(flag + " must be positive, got " + value);
            }
        }
    }

    /** The measurements of both engines, with what they ran on. */
    public record Result(Settings settings, String exactConv, String peerConvHelper, long parameters,
            RoundTimes ours, RoundTimes peer, double oursLastLoss, double peerLastLoss) {
        /** Our images per second over the peer's, from each engine's median round. */
        public double ratio() {
            return ours.imagesPerSecond() / peer.imagesPerSecond();
        }
    }

    /** One training step of an engine on pooled batch {@code i}; returns the loss read back to the host. */
    private interface Engine {
        double step(int i);
    }

    private final Settings settings;

    public PeerBenchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the benchmark on batches drawn from {@code train}.
     *
     * @throws IllegalArgumentException when the training set has fewer images than one round needs
     */
    public Result run(Dataset train) {
        List<Batch> batches = batches(train);
        List<INDArray> oneHot = new ArrayList<>(batches.size());
        for (Batch b : batches) {
            oneHot.add(Dl4jPeer.oneHot(b.labels(), train.classes()));
        }

        Seeds seeds = new Seeds(settings.seed());
        Network network = ModelCatalog.build(settings.model(), train.sampleShape(), train.classes(), seeds,
                DataType.FLOAT, ConvAlgorithm.AUTO);
        Trainer trainer = new Trainer(network, new SgdMomentum(network.parameters(), MOMENTUM, WEIGHT_DECAY));
        Dl4jPeer peer = Dl4jPeer.build(settings.model(), train.sampleShape(), train.classes(),
                seeds.derive("dl4j-peer"), new Dl4jPeer.Sgd(settings.learningRate(), MOMENTUM, WEIGHT_DECAY),
                settings.peerHelpers());
        if (peer.parameterCount() != network.parameterCount()) {
            throw new IllegalStateException("the DL4J peer of " + settings.model() + " has " + peer.parameterCount()
                    + " parameters but ours has " + network.parameterCount()
                    + "; Dl4jPeer no longer mirrors ModelCatalog");
        }

        double lr = settings.learningRate();
        Engine ours = i -> trainer.step(batches.get(i), lr).loss();
        Engine dl4j = i -> peer.fit(batches.get(i).images(), oneHot.get(i));

        int pool = batches.size();
        for (int i = 0; i < settings.warmupSteps(); i++) {
            ours.step(i % pool);
        }
        for (int i = 0; i < settings.warmupSteps(); i++) {
            dl4j.step(i % pool);
        }

        long[][] oursNanos = new long[settings.rounds()][];
        long[][] peerNanos = new long[settings.rounds()][];
        double[] lastLoss = new double[2];
        for (int r = 0; r < settings.rounds(); r++) {
            if (r % 2 == 0) {
                oursNanos[r] = timeRound(ours, lastLoss, 0);
                peerNanos[r] = timeRound(dl4j, lastLoss, 1);
            } else {
                peerNanos[r] = timeRound(dl4j, lastLoss, 1);
                oursNanos[r] = timeRound(ours, lastLoss, 0);
            }
        }
        return new Result(settings, ConvAlgorithm.AUTO.resolve().name(), peer.convolutionHelper(),
                network.parameterCount(), new RoundTimes("adr", settings.batchSize(), oursNanos),
                new RoundTimes("dl4j", settings.batchSize(), peerNanos), lastLoss[0], lastLoss[1]);
    }

    private long[] timeRound(Engine engine, double[] lastLoss, int slot) {
        System.gc();
        long[] nanos = new long[settings.stepsPerRound()];
        double loss = Double.NaN;
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            loss = engine.step(i);
            nanos[i] = System.nanoTime() - t0;
        }
        lastLoss[slot] = loss;
        return nanos;
    }

    /** The first {@code stepsPerRound} full batches of one shuffled, normalized pass. */
    private List<Batch> batches(Dataset train) {
        int needed = settings.stepsPerRound();
        if ((long) needed * settings.batchSize() > train.size()) {
            throw new IllegalArgumentException(train.name() + " has " + train.size() + " training images; "
                    + needed + " steps of " + settings.batchSize() + " need " + (long) needed * settings.batchSize()
                    + "; lower --steps or --batch-size");
        }
        Batches pass = new Batches(train, settings.batchSize(), new Seeds(settings.seed()).stream("bench/shuffle"),
                Augmentation.NONE, null, Normalization.fit(train));
        List<Batch> pool = new ArrayList<>(needed);
        for (Batch b : pass) {
            if (pool.size() == needed) {
                break;
            }
            pool.add(b);
        }
        return pool;
    }
}

package adr.core.experiment;

import adr.core.checkpoint.Checkpoint;
import adr.core.checkpoint.CheckpointStore;
import adr.core.data.Augmentation;
import adr.core.data.Dataset;
import adr.core.data.DatasetSource;
import adr.core.data.DatasetSplits;
import adr.core.model.ModelCatalog;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.train.SgdMomentum;
import adr.core.train.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything a run needs before its first step, built from its {@link ExperimentConfig}:
 * the plugins wired, both data splits read, the model built and, when resuming, restored
 * from its checkpoint. Every mistake in the input (a bad option, a corrupt data file, a
 * checkpoint of another model) surfaces here, so a caller that prepares before opening a
 * run's journal records no run that never trained. Opaque outside this package: hand it
 * to {@link ExperimentRunner}.
 */
public final class PreparedExperiment {
    final ExperimentConfig config;
    /** The run's reuse plugins, null for an exact run. */
    final ReuseWiring wiring;
    final Dataset train;
    final Dataset test;
    final Seeds seeds;
    final Network network;
    final SgdMomentum optimizer;
    /** Where training starts: the beginning, or the checkpoint's progress. */
    final TrainingProgress start;
    /** The configuration entries of the checkpoint training continues from; empty for a fresh start. */
    final Map<String, String> checkpointConfig;
    private final List<String> notes;

    private PreparedExperiment(ExperimentConfig config, ReuseWiring wiring, Dataset train, Dataset test, Seeds seeds,
            Network network, SgdMomentum optimizer, Checkpoint resumed, TrainingProgress start, List<String> notes) {
        this.config = config;
        this.wiring = wiring;
        this.train = train;
        this.test = test;
        this.seeds = seeds;
        this.network = network;
        this.optimizer = optimizer;
        this.start = start;
        this.checkpointConfig = resumed == null ? Map.of() : resumed.config();
        this.notes = List.copyOf(notes);
    }

    /**
     * Checks the configuration and the plugin choices (before any data is read, so bad
     * input fails fast), then reads the data and builds the model.
     *
     * @throws IllegalArgumentException for an invalid configuration, a batch whose layers' kept buffers alone do
     *     not fit in memory ({@link ActivationMemory}), or a checkpoint that does not fit the configuration
     * @throws adr.core.plugins.PluginException listing every plugin problem
     * @throws adr.core.data.DataException for missing or unreadable data
     */
    public static PreparedExperiment of(ExperimentConfig config) {
        requireValid(config);
        ReuseWiring wiring = wiring(config);
        if (config.checkpointDir() != null) {
            CheckpointStore.requireUsable(config.checkpointDir()); // before training, not after its first epoch
            CheckpointStore.requireNotAnothers(config.checkpointDir(), config.resumeFrom());
        }
        DatasetSplits splits = DatasetSource.parse(config.dataset()).load();
        requireCropFits(config.cropPadding(), splits.train());
        Dataset train = config.trainLimit() > 0 ? splits.train().limit(config.trainLimit()) : splits.train();
        Dataset test = config.testLimit() > 0 ? splits.test().limit(config.testLimit()) : splits.test();
        List<String> notes = new ArrayList<>();
        limitAboveSize("train-limit", config.trainLimit(), splits.train()).ifPresent(notes::add);
        limitAboveSize("test-limit", config.testLimit(), splits.test()).ifPresent(notes::add);
        Seeds seeds = new Seeds(config.seed());
        Network network = ModelCatalog.build(config.model(), train.sampleShape(), train.classes(), seeds,
                DataType.FLOAT, config.convAlgorithm());
        requireMemory(network, Math.min(config.batchSize(), train.size()), notes);
        SgdMomentum optimizer = new SgdMomentum(network.parameters(), config.momentum(), config.weightDecay());
        Checkpoint resumed = config.resumeFrom() == null ? null : restore(config, network, optimizer, train);
        TrainingProgress start = resumed == null ? TrainingProgress.START
                : ResumePosition.of(resumed, config, train, splits.train(), config.resumeFrom());
        return new PreparedExperiment(config, wiring, train, test, seeds, network, optimizer, resumed, start, notes);
    }

    public ExperimentConfig config() {
        return config;
    }

    /** What a user should know about how the configuration was applied, such as a limit above the data's size. */
    public List<String> notes() {
        return notes;
    }

    private static Optional<String> limitAboveSize(String key, int limit, Dataset full) {
        if (limit <= full.size()) {
            return Optional.empty();
        }
        return Optional.of(key + " " + limit + " is above the " + full.size() + " images of " + full.name()
                + "; all " + full.size() + " are used");
    }

    /** Refuses a batch the layers' buffers alone cannot fit; notes one that may not fit at its measured peak. */
    private static void requireMemory(Network network, int batch, List<String> notes) {
        ActivationMemory memory = ActivationMemory.of(network);
        NativeMemory now = NativeMemory.current();
        memory.requireFits(batch, now);
        memory.warning(batch, now).ifPresent(notes::add);
    }

    /** Checked here, not in the first augmented step: the images' size is known once the data is read. */
    private static void requireCropFits(int cropPadding, Dataset data) {
        int side = Math.min(data.height(), data.width());
        if (cropPadding >= side) {
            throw new IllegalArgumentException("crop-padding " + cropPadding + " shifts the " + data.height() + "x"
                    + data.width() + " images of " + data.name() + " out of the frame; pass --crop-padding "
                    + (side - 1) + " or less (a few pixels is usual)");
        }
    }

    static void requireValid(ExperimentConfig config) {
        List<String> errors = config.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", errors));
        }
    }

    /** Null for an exact run. */
    static ReuseWiring wiring(ExperimentConfig config) {
        return config.reuse().exact() ? null
                : ReuseWiring.prepare(config.reuse(), augmentation(config), config.model());
    }

    static Augmentation augmentation(ExperimentConfig config) {
        return config.cropPadding() == 0 && !config.horizontalFlip() ? Augmentation.NONE
                : new Augmentation(config.cropPadding(), config.horizontalFlip());
    }

    /** The checkpoint to continue from, its weights and optimizer state restored into the live ones. */
    private static Checkpoint restore(ExperimentConfig config, Network network, SgdMomentum optimizer,
            Dataset train) {
        Checkpoint checkpoint = CheckpointStore.load(config.resumeFrom());
        if (!checkpoint.model().equals(config.model()) || checkpoint.classes() != train.classes()) {
            throw new IllegalArgumentException(config.resumeFrom() + ": checkpoint is for model '" + checkpoint.model()
                    + "' with " + checkpoint.classes() + " classes; run with --model " + checkpoint.model());
        }
        checkpoint.restoreInto(network, optimizer);
        if (checkpoint.progress().epochsDone() >= config.epochs()) {
            int done = checkpoint.progress().epochsDone();
            throw new IllegalArgumentException(config.resumeFrom() + ": checkpoint already has " + done + " epoch"
                    + (done == 1 ? "" : "s") + " of training; pass --epochs " + (done + 1) + " or more to continue");
        }
        return checkpoint;
    }
}

package adr.cli;

import adr.cli.runs.RunIdPrefix;
import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentRunner;
import adr.core.experiment.ReuseConfig;
import adr.tracking.journal.JournalSource;
import adr.tracking.run.ResumePoint;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code adr train}: one training run from defaults, an experiment file and flags. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model. Flags override the --config file, which overrides the defaults.",
                "Every run gets a run id and a journal under --home; --resume RUN continues one with its recorded"
                        + " configuration (flags given with it override that)."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML experiment file (keys as the flags, without --)")
    Path configFile;

    @Option(names = "--json", paramLabel = "FILE", description = "write a JSON summary of the run here")
    Path json;

    @Option(names = "--model", description = "cifarnet (default) or vgg-small") String model;
    @Option(names = "--dataset", description = "fashion-mnist (default), idx:DIR or cifar10:DIR") String dataset;
    @Option(names = "--epochs", description = "training epochs (default 1)") String epochs;
    @Option(names = "--batch-size", description = "mini-batch size (default 64)") String batchSize;
    @Option(names = "--eval-batch-size", description = "evaluation batch size (default 64)") String evalBatchSize;
    @Option(names = "--lr", description = "base learning rate (default 0.02)") String lr;
    @Option(names = "--schedule", description = "constant, step or cosine (default)") String schedule;
    @Option(names = "--momentum", description = "SGD momentum (default 0.9)") String momentum;
    @Option(names = "--weight-decay", description = "L2 weight decay (default 5e-4)") String weightDecay;
    @Option(names = "--seed", description = "the one seed of the run (default 1)") String seed;
    @Option(names = "--train-limit", paramLabel = "N", description = "use the first N training images (0 = all)")
    String trainLimit;
    @Option(names = "--test-limit", paramLabel = "N", description = "evaluate on the first N test images (0 = all)")
    String testLimit;
    @Option(names = "--crop-padding", description = "random-crop augmentation padding (default 0 = off)")
    String cropPadding;
    @Option(names = "--flip", arity = "0..1", fallbackValue = "true",
            description = "random horizontal flips: --flip alone or --flip true turns them on (default false)")
    String flip;
    @Option(names = "--conv", description = "exact convolution: auto (default), native or im2col") String conv;
    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "save a checkpoint after every epoch")
    String checkpointDir;
    @Option(names = "--resume-from", paramLabel = "DIR", description = "continue from a checkpoint directory")
    String resumeFrom;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "continue run RUN (its id, or a prefix only it has) from its last checkpoint, with its"
                    + " recorded configuration")
    String resumeRun;
    @Option(names = "--strategy", description = "adaptation strategy: exact (default), fixed, or a plugin's")
    String strategy;
    @Option(names = "--policy", description = "reuse policy: auto (default), all, or a plugin's") String policy;
    @Option(names = "--clustering", description = "clustering: lsh (default), kmeans, or a plugin's")
    String clustering;
    @Option(names = "--L", description = "sub-vector length for the fixed strategy (default "
            + ReuseConfig.DEFAULT_LENGTH + ")") String length;
    @Option(names = "--H", description = "hash bits: at most 2^H clusters per group (default "
            + ReuseConfig.DEFAULT_HASH_BITS + ")") String hashBits;
    @Option(names = "--plugins-dir", paramLabel = "DIR", description = "plugin jars directory (default ./plugins)")
    String pluginsDir;
    @Option(names = "--strategy-options", paramLabel = "K=V,...",
            description = "the strategy's configuration (./adr plugins NAME lists the keys)")
    String strategyOptions;
    @Option(names = "--policy-options", paramLabel = "K=V,...",
            description = "the policy's configuration (./adr plugins NAME lists the keys)")
    String policyOptions;
    @Option(names = "--clustering-options", paramLabel = "K=V,...",
            description = "the clustering's configuration, e.g. variant=quantized,bucket-width=1 (./adr plugins lsh"
                    + " lists lsh's keys)")
    String clusteringOptions;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Override
    public Integer call() {
        ConfigResolver resolver = new ConfigResolver();
        ResumePoint resume = resumeRun != null ? resumed(resolver) : null;
        if (configFile != null) {
            resolver.file(configFile);
        }
        setFlags(resolver);
        var config = resolver.resolve();
        if (resume != null) {
            if (config.resumeFrom() != null) { // resume-from in the experiment file
                throw bothResumes();
            }
            RecordedConfig.requireSameBatches(config, resume);
        }
        warnUnread(resolver, config);
        OutputFile.requireWritable("--json", json);
        return new TrainingSession(System.out, System.err).run(config, json, tracking, resume);
    }

    /** The run {@code --resume} names, its recorded configuration put into {@code resolver} as the start. */
    private ResumePoint resumed(ConfigResolver resolver) {
        if (resumeFrom != null) {
            throw bothResumes(); // before the journal is read
        }
        ResumePoint resume = ResumePoint.read(tracking.home, resumedRunId(),
                line -> System.err.println("adr: " + line));
        RecordedConfig.overlay(resolver, resume);
        return resume;
    }

    /** The flags given, over the file and the recorded configuration; plugin names before their options. */
    private void setFlags(ConfigResolver resolver) {
        flag(resolver, ConfigKey.MODEL, model);
        flag(resolver, ConfigKey.DATASET, dataset);
        flag(resolver, ConfigKey.EPOCHS, epochs);
        flag(resolver, ConfigKey.BATCH_SIZE, batchSize);
        flag(resolver, ConfigKey.EVAL_BATCH_SIZE, evalBatchSize);
        flag(resolver, ConfigKey.LR, lr);
        flag(resolver, ConfigKey.SCHEDULE, schedule);
        flag(resolver, ConfigKey.MOMENTUM, momentum);
        flag(resolver, ConfigKey.WEIGHT_DECAY, weightDecay);
        flag(resolver, ConfigKey.SEED, seed);
        flag(resolver, ConfigKey.TRAIN_LIMIT, trainLimit);
        flag(resolver, ConfigKey.TEST_LIMIT, testLimit);
        flag(resolver, ConfigKey.CROP_PADDING, cropPadding);
        flag(resolver, ConfigKey.FLIP, flip);
        flag(resolver, ConfigKey.CONV, conv);
        flag(resolver, ConfigKey.CHECKPOINT_DIR, checkpointDir);
        flag(resolver, ConfigKey.RESUME_FROM, resumeFrom);
        flag(resolver, ConfigKey.STRATEGY, strategy);
        flag(resolver, ConfigKey.POLICY, policy);
        flag(resolver, ConfigKey.CLUSTERING, clustering);
        flag(resolver, ConfigKey.L, length);
        flag(resolver, ConfigKey.H, hashBits);
        flag(resolver, ConfigKey.PLUGINS_DIR, pluginsDir);
        flag(resolver, ConfigKey.STRATEGY_OPTIONS, strategyOptions);
        flag(resolver, ConfigKey.POLICY_OPTIONS, policyOptions);
        flag(resolver, ConfigKey.CLUSTERING_OPTIONS, clusteringOptions);
    }

    /** Reuse settings given that the run's strategy does not read. */
    private static void warnUnread(ConfigResolver resolver, ExperimentConfig config) {
        resolver.unusedReuseSettings(config).ifPresent(warning -> System.err.println("adr: warning: " + warning));
        if (!config.reuse().exact() && resolver.gaveLengthOrBits()) {
            ExperimentRunner.strategyKeys(config).flatMap(keys -> resolver.lengthOrBitsUnread(config, keys))
                    .ifPresent(warning -> System.err.println("adr: warning: " + warning));
        }
    }

    private static IllegalArgumentException bothResumes() {
        return new IllegalArgumentException("--resume RUN continues a run from its own checkpoint, --resume-from DIR"
                + " starts a new run from a checkpoint directory; give one of them");
    }

    /** The run {@code --resume} names: its whole id, or a prefix of the id only it has. */
    private String resumedRunId() {
        List<String> matches = RunIdPrefix.matches(new JournalSource(tracking.home).runIds(), resumeRun);
        if (matches.size() > 1) {
            throw new IllegalArgumentException(RunIdPrefix.ambiguous(resumeRun, matches) + "; see the runs with"
                    + " ./adr runs list --home " + tracking.home);
        }
        return matches.isEmpty() ? resumeRun : matches.get(0); // none: ResumePoint names the missing journal
    }

    private static void flag(ConfigResolver resolver, ConfigKey key, String value) {
        if (value != null) {
            resolver.set("--" + key.key, key.key, value);
        }
    }
}

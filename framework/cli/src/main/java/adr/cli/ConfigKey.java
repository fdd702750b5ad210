package adr.cli;

import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ReuseConfig;
import adr.core.nn.ConvAlgorithm;
import adr.spi.config.ConfigType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every key an experiment file or a flag can set, with its type and meaning. The
 * flag for a key is {@code --<name>}; the YAML key is the same name.
 */
enum ConfigKey {
    MODEL("model", Type.TEXT, "model name: cifarnet or vgg-small"),
    DATASET("dataset", Type.TEXT, "fashion-mnist, idx:DIR or cifar10:DIR"),
    EPOCHS("epochs", Type.INTEGER, "training epochs"),
    BATCH_SIZE("batch-size", Type.INTEGER, "training mini-batch size"),
    EVAL_BATCH_SIZE("eval-batch-size", Type.INTEGER, "evaluation batch size"),
    LR("lr", Type.DECIMAL, "base learning rate"),
    SCHEDULE("schedule", Type.TEXT, "learning-rate schedule: constant, step or cosine"),
    MOMENTUM("momentum", Type.DECIMAL, "SGD momentum"),
    WEIGHT_DECAY("weight-decay", Type.DECIMAL, "L2 weight decay on weights"),
    SEED("seed", Type.LONG, "the one seed every random choice derives from"),
    TRAIN_LIMIT("train-limit", Type.INTEGER, "use the first N training images (0 = all)"),
    TEST_LIMIT("test-limit", Type.INTEGER, "evaluate on the first N test images (0 = all)"),
    CROP_PADDING("crop-padding", Type.INTEGER, "random-crop augmentation padding (0 = off)"),
    FLIP("flip", Type.BOOLEAN, "random horizontal flip augmentation"),
    CONV("conv", Type.CONV, "exact convolution: auto, native or im2col"),
    CHECKPOINT_DIR("checkpoint-dir", Type.PATH, "save a checkpoint here after every epoch"),
    RESUME_FROM("resume-from", Type.PATH, "continue from this checkpoint directory"),
    STRATEGY("strategy", Type.TEXT, "adaptation strategy: exact (default), fixed, or a plugin's"),
    POLICY("policy", Type.TEXT, "reuse policy: auto (default, by cost model), all, or a plugin's"),
    CLUSTERING("clustering", Type.TEXT, "clustering plugin: lsh (default), kmeans, or a plugin's"),
    L("L", Type.INTEGER, "sub-vector length for strategies that take one (fixed)"),
    H("H", Type.INTEGER, "hash bits (at most 2^H clusters per group) for strategies that take them"),
    PLUGINS_DIR("plugins-dir", Type.PATH, "directory of plugin jars (default ./plugins)"),
    STRATEGY_OPTIONS("strategy-options", Type.OPTIONS, "the strategy's configuration, key=value,..."),
    POLICY_OPTIONS("policy-options", Type.OPTIONS, "the policy's configuration, key=value,..."),
    CLUSTERING_OPTIONS("clustering-options", Type.OPTIONS, "the clustering's configuration, key=value,...");

    /** How a raw value (YAML scalar or flag text) becomes a typed one. */
    enum Type {
        /** INTEGER holds an int (counts, sizes, lengths); LONG any whole number (the seed). */
        TEXT, INTEGER, LONG, DECIMAL, BOOLEAN, PATH, CONV, OPTIONS;

        /** The plain types parse as the plugin configuration does, with the same messages. */
        Object parse(Object raw) {
            return switch (this) {
                case TEXT -> ConfigType.TEXT.parse(raw);
                case INTEGER -> intRange((Long) ConfigType.INTEGER.parse(raw));
                case LONG -> ConfigType.INTEGER.parse(raw);
                case DECIMAL -> ConfigType.DECIMAL.parse(raw);
                case BOOLEAN -> ConfigType.BOOLEAN.parse(raw);
                case PATH -> Path.of(String.valueOf(raw).trim());
                case CONV -> parseConv(String.valueOf(raw).trim());
                case OPTIONS -> parseOptions(raw);
            };
        }

        /** Refused rather than clamped: 99999999999 epochs is a typo, not a request for 2^31 - 1. */
        private static Long intRange(Long n) {
            if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
                throw new IllegalArgumentException("expected a whole number in " + Integer.MIN_VALUE + ".."
                        + Integer.MAX_VALUE + ", got " + n);
            }
            return n;
        }

        /** A YAML mapping, or flag text {@code key=value,key=value}; values stay text for the plugin to type. */
        private static Map<String, String> parseOptions(Object raw) {
            Map<String, String> options = new java.util.LinkedHashMap<>();
            if (raw instanceof Map<?, ?> map) {
                map.forEach((k, v) -> options.put(String.valueOf(k), String.valueOf(v)));
                return options;
            }
            // an item without '=' continues the previous value, so values may hold commas
            // ("levels=25:4@0,exact@0.8"); values that need more belong in the experiment file
            String key = null;
            for (String item : String.valueOf(raw).split(",")) {
                int eq = item.indexOf('=');
                if (eq > 0) {
                    key = item.substring(0, eq).trim();
                    options.put(key, item.substring(eq + 1).trim());
                } else if (key != null) {
                    options.put(key, options.get(key) + "," + item.trim());
                } else {
                    throw new IllegalArgumentException("expected key=value pairs separated by commas, got '"
                            + item.trim() + "'");
                }
            }
            return options;
        }

        private static ConvAlgorithm parseConv(String text) {
            try {
                return ConvAlgorithm.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected one of auto, native, im2col, got '" + text + "'", e);
            }
        }
    }

    final String key;
    final Type type;
    final String doc;

    ConfigKey(String key, Type type, String doc) {
        this.key = key;
        this.type = type;
        this.doc = doc;
    }

    static Optional<ConfigKey> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(k -> k.key).collect(Collectors.joining(", "));
    }

    /** The typed values of a configuration, keyed for overlaying. */
    static Map<ConfigKey, Object> valuesOf(ExperimentConfig c) {
        Map<ConfigKey, Object> v = new EnumMap<>(ConfigKey.class);
        v.put(MODEL, c.model());
        v.put(DATASET, c.dataset());
        v.put(EPOCHS, (long) c.epochs());
        v.put(BATCH_SIZE, (long) c.batchSize());
        v.put(EVAL_BATCH_SIZE, (long) c.evalBatchSize());
        v.put(LR, c.learningRate());
        v.put(SCHEDULE, c.schedule());
        v.put(MOMENTUM, c.momentum());
        v.put(WEIGHT_DECAY, c.weightDecay());
        v.put(SEED, c.seed());
        v.put(TRAIN_LIMIT, (long) c.trainLimit());
        v.put(TEST_LIMIT, (long) c.testLimit());
        v.put(CROP_PADDING, (long) c.cropPadding());
        v.put(FLIP, c.horizontalFlip());
        v.put(CONV, c.convAlgorithm());
        v.put(CHECKPOINT_DIR, c.checkpointDir());
        v.put(RESUME_FROM, c.resumeFrom());
        v.put(STRATEGY, c.reuse().strategy());
        v.put(POLICY, c.reuse().policy());
        v.put(CLUSTERING, c.reuse().clustering());
        v.put(L, (long) c.reuse().subVectorLength());
        v.put(H, (long) c.reuse().hashBits());
        v.put(PLUGINS_DIR, c.reuse().pluginsDir());
        v.put(STRATEGY_OPTIONS, c.reuse().optionsFor("strategy"));
        v.put(POLICY_OPTIONS, c.reuse().optionsFor("policy"));
        v.put(CLUSTERING_OPTIONS, c.reuse().optionsFor("clustering"));
        return v;
    }

    static ExperimentConfig toConfig(Map<ConfigKey, Object> v) {
        return new ExperimentConfig((String) v.get(MODEL), (String) v.get(DATASET), asInt(v.get(EPOCHS)),
                asInt(v.get(BATCH_SIZE)), asInt(v.get(EVAL_BATCH_SIZE)), (Double) v.get(LR), (String) v.get(SCHEDULE),
                (Double) v.get(MOMENTUM), (Double) v.get(WEIGHT_DECAY), (Long) v.get(SEED), asInt(v.get(TRAIN_LIMIT)),
                asInt(v.get(TEST_LIMIT)), asInt(v.get(CROP_PADDING)), (Boolean) v.get(FLIP),
                (ConvAlgorithm) v.get(CONV), (Path) v.get(CHECKPOINT_DIR), (Path) v.get(RESUME_FROM),
                new ReuseConfig((String) v.get(STRATEGY), (String) v.get(POLICY), (String) v.get(CLUSTERING),
                        asInt(v.get(L)), asInt(v.get(H)), (Path) v.get(PLUGINS_DIR), options(v)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> options(Map<ConfigKey, Object> v) {
        return Map.of("strategy", (Map<String, String>) v.get(STRATEGY_OPTIONS),
                "policy", (Map<String, String>) v.get(POLICY_OPTIONS),
                "clustering", (Map<String, String>) v.get(CLUSTERING_OPTIONS));
    }

    private static int asInt(Object value) {
        return Math.toIntExact((Long) value); // in range: Type.INTEGER refuses the rest
    }
}

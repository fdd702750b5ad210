package adr.core.experiment;

import adr.core.plugins.PluginLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run's convolutions reuse: the adaptation strategy, the reuse policy and the
 * clustering plugin, by name, the {@code {L, H}} handed to strategies that take them,
 * and where plugin jars are found.
 *
 * @param pluginsDir plugin jars directory; null = {@code ./plugins} if it exists
 * @param options configuration values for the chosen plugins by kind ({@code strategy},
 *     {@code policy}, {@code clustering}), validated against each factory's declared keys
 */
public record ReuseConfig(String strategy, String policy, String clustering, int subVectorLength, int hashBits,
        Path pluginsDir, Map<String, Map<String, String>> options) {

    public static final int DEFAULT_LENGTH = 5;
    public static final int DEFAULT_HASH_BITS = 10;
    public static final List<String> OPTION_KINDS = List.of("strategy", "policy", "clustering");

    public ReuseConfig {
        Map<String, Map<String, String>> given = new LinkedHashMap<>();
        options.forEach((kind, values) -> {
            if (!values.isEmpty()) {
                given.put(kind, Map.copyOf(values));
            }
        });
        options = Map.copyOf(given);
    }

    /**
     * Exact training; the shipped LSH clustering and cost-model policy when a strategy
     * reuses. {@code L=5, H=10} comes from the measured error frontier (README, "Output
     * error against r_c"): one epoch of CifarNet with {@code fixed} at these values ended
     * 1.05 points below exact, at {@code L=5, H=8} 1.58 and at {@code L=25, H=8} 12.7.
     */
    public static ReuseConfig defaults() {
        return new ReuseConfig("exact", "auto", "lsh", DEFAULT_LENGTH, DEFAULT_HASH_BITS, null, Map.of());
    }

    /** The same choices with another strategy. */
    public ReuseConfig withStrategy(String other) {
        return new ReuseConfig(other, policy, clustering, subVectorLength, hashBits, pluginsDir, options);
    }

    /** The same choices with another strategy and its options in place of the old one's. */
    public ReuseConfig withStrategy(String other, Map<String, String> strategyOptions) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>(options);
        all.put("strategy", strategyOptions);
        return new ReuseConfig(other, policy, clustering, subVectorLength, hashBits, pluginsDir, all);
    }

    /**
     * The same choices with the plugins directory as an absolute path, the default
     * {@code ./plugins} included when it exists: the run records where its jars were, so a
     * resume from another working directory loads the same ones (it looked in its own
     * {@code ./plugins} and reported a plugin the run had used as unknown).
     */
    public ReuseConfig withPluginsDirResolved() {
        Path dir = pluginsDir != null ? pluginsDir
                : Files.isDirectory(PluginLoader.DEFAULT_DIRECTORY) ? PluginLoader.DEFAULT_DIRECTORY : null;
        return dir == null ? this : new ReuseConfig(strategy, policy, clustering, subVectorLength, hashBits,
                dir.toAbsolutePath().normalize(), options);
    }

    /** The options given for one kind of plugin; empty when none. */
    public Map<String, String> optionsFor(String kind) {
        return options.getOrDefault(kind, Map.of());
    }

    public boolean exact() {
        return strategy.equals("exact");
    }

    List<ConfigProblem> problems() {
        List<ConfigProblem> errors = new ArrayList<>();
        for (String kind : options.keySet()) {
            if (!OPTION_KINDS.contains(kind)) {
                errors.add(new ConfigProblem("options",
                        "for unknown plugin kind '" + kind + "'; known: " + String.join(", ", OPTION_KINDS)));
            }
        }
        if (subVectorLength < 1) {
            errors.add(new ConfigProblem("L", "the sub-vector length must be at least 1, got " + subVectorLength));
        }
        if (hashBits < 1 || hashBits > 30) {
            errors.add(new ConfigProblem("H", "hash bits must be in 1..30, got " + hashBits));
        }
        return errors;
    }

    Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("strategy", strategy);
        m.put("policy", policy);
        m.put("clustering", clustering);
        m.put("L", Integer.toString(subVectorLength));
        m.put("H", Integer.toString(hashBits));
        if (pluginsDir != null) {
            m.put("plugins-dir", pluginsDir.toString());
        }
        for (String kind : OPTION_KINDS) {
            optionsFor(kind).forEach((key, value) -> m.put(kind + "-options." + key, value));
        }
        return m;
    }
}

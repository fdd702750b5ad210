package adr.cli;

import adr.core.experiment.ConfigProblem;
import adr.core.experiment.ExperimentConfig;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Resolves a run's configuration: defaults, then an experiment file, then flags.
 * Collects every problem (unknown keys, wrong types, invalid values) before failing,
 * so a user fixes a file in one pass.
 */
final class ConfigResolver {
    /** The keys only a reuse strategy reads; with {@code exact} they change nothing. */
    private static final List<ConfigKey> REUSE_ONLY = List.of(ConfigKey.POLICY, ConfigKey.CLUSTERING, ConfigKey.L,
            ConfigKey.H, ConfigKey.STRATEGY_OPTIONS, ConfigKey.POLICY_OPTIONS, ConfigKey.CLUSTERING_OPTIONS);

    /** Each plugin's options, for the key that names the plugin. */
    private static final Map<ConfigKey, ConfigKey> OPTIONS_OF = Map.of(ConfigKey.STRATEGY, ConfigKey.STRATEGY_OPTIONS,
            ConfigKey.POLICY, ConfigKey.POLICY_OPTIONS, ConfigKey.CLUSTERING, ConfigKey.CLUSTERING_OPTIONS);

    private final Map<ConfigKey, Object> values = ConfigKey.valuesOf(ExperimentConfig.defaults());
    /** The source that last set each kind of plugin options. */
    private final Map<ConfigKey, String> optionsSource = new EnumMap<>(ConfigKey.class);
    private final List<String> errors = new ArrayList<>();
    /** Where each key given in this invocation came from (a flag or a file). */
    private final Map<ConfigKey, String> givenBy = new EnumMap<>(ConfigKey.class);

    /** Overlays a YAML experiment file from disk. */
    ConfigResolver file(Path path) {
        if (Files.isDirectory(path)) { // opening it works; the first read fails as if the YAML were bad
            errors.add(path + ": is a directory; pass the experiment file (YAML) to --config");
            return this;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return yaml(in, path.toString());
        } catch (NoSuchFileException e) {
            errors.add(path + ": file not found; pass an existing experiment file to --config");
        } catch (IOException e) {
            errors.add(path + ": cannot read (" + e.getMessage() + ")");
        }
        return this;
    }

    /** Overlays a YAML document; {@code source} names it in errors. */
    ConfigResolver yaml(InputStream in, String source) {
        Object document;
        try {
            // a key given twice is a mistake in the file, not a request for the last value
            var mapper = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode tree = mapper.readTree(in);
            // an empty file (or one of comments only) sets nothing: the defaults stand
            document = tree == null || tree.isMissingNode() ? null : mapper.treeToValue(tree, Object.class);
        } catch (JsonProcessingException e) {
            errors.add(source + ": " + yamlProblem(e));
            return this;
        } catch (IOException e) {
            errors.add(source + ": cannot read (" + e.getMessage() + ")");
            return this;
        }
        if (document == null) {
            return this;
        }
        if (!(document instanceof Map<?, ?> map)) {
            errors.add(source + ": expected a mapping of keys to values at the top level");
            return this;
        }
        for (var entry : map.entrySet()) {
            set(source, String.valueOf(entry.getKey()), entry.getValue());
        }
        return this;
    }

    /**
     * Where and what, on one line: the YAML parser's own message spans several lines
     * with a caret drawing, which breaks the one-line-per-problem error list.
     */
    private static String yamlProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException && e.getOriginalMessage().startsWith("Duplicate field '")
                && e.getLocation() != null) {
            String key = e.getOriginalMessage().split("'")[1];
            return "at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + key + " is given twice; keep one";
        }
        return "not valid YAML " + syntaxProblem(e) + "; fix the file's syntax";
    }

    private static String syntaxProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            var mark = marked.getProblemMark();
            return "at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
                    + marked.getProblem();
        }
        return "(" + e.getOriginalMessage().lines().findFirst().orElse("").strip() + ")";
    }

    /** Overlays one value, parsed by the key's type. */
    ConfigResolver set(String source, String name, Object raw) {
        var key = ConfigKey.byName(name);
        if (key.isEmpty()) {
            errors.add(source + ": unknown key '" + name + "'; known keys: " + ConfigKey.names());
        } else if (raw == null) {
            errors.add(source + ": " + name + " has no value");
        } else {
            try {
                values.put(key.get(), layered(key.get(), key.get().type.parse(raw), source));
                givenBy.put(key.get(), where(source, name));
            } catch (IllegalArgumentException e) {
                errors.add(where(source, name) + ": " + e.getMessage());
            }
        }
        return this;
    }

    /**
     * Plugin options override option by option: {@code --strategy-options cooldown=5} keeps
     * the file's (or the resumed run's) {@code max-error}. Naming another plugin drops the
     * options earlier sources gave the one it replaces, which it would refuse as unknown keys.
     */
    @SuppressWarnings("unchecked")
    private Object layered(ConfigKey key, Object value, String source) {
        if (key.type == ConfigKey.Type.OPTIONS) {
            Map<String, String> merged = new LinkedHashMap<>((Map<String, String>) values.get(key));
            merged.putAll((Map<String, String>) value);
            optionsSource.put(key, source);
            return merged;
        }
        ConfigKey options = OPTIONS_OF.get(key);
        if (options != null && !value.equals(values.get(key)) && !source.equals(optionsSource.get(options))) {
            values.put(options, Map.of());
        }
        return value;
    }

    /** {@code exp.yaml: lr}, but a flag alone: it names its key already ("--lr", not "--lr: lr"). */
    private static String where(String source, String name) {
        return source.equals("--" + name) ? source : source + ": " + name;
    }

    /**
     * Takes the values set so far as the starting point rather than as given now: a
     * resumed run's recorded configuration holds every key, and none of them was typed
     * for this invocation.
     */
    ConfigResolver asStartingPoint() {
        givenBy.clear();
        return this;
    }

    /**
     * A warning when reuse settings were given but the strategy is {@code exact}, which
     * reads none of them: {@code --clustering kmeans} alone trains exactly, and says so.
     */
    Optional<String> unusedReuseSettings(ExperimentConfig config) {
        if (!config.reuse().exact()) {
            return Optional.empty();
        }
        List<String> unused = REUSE_ONLY.stream().filter(givenBy::containsKey).map(givenBy::get).toList();
        if (unused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("strategy exact reuses nothing, so " + String.join(", ", unused)
                + (unused.size() == 1 ? " is" : " are") + " not used; choose a reuse strategy with --strategy"
                + " (fixed, staged, adaptive, budget or a plugin's)");
    }

    /** Whether {@code --L} or {@code --H} was given in this invocation (by a flag or the file). */
    boolean gaveLengthOrBits() {
        return givenBy.containsKey(ConfigKey.L) || givenBy.containsKey(ConfigKey.H);
    }

    /**
     * A warning when {@code L} or {@code H} was given but the strategy declares neither:
     * {@code staged}, {@code adaptive} and {@code budget} take theirs from their own options.
     *
     * @param strategyKeys the configuration keys the run's strategy declares
     */
    Optional<String> lengthOrBitsUnread(ExperimentConfig config, List<String> strategyKeys) {
        List<String> unread = List.of(ConfigKey.L, ConfigKey.H).stream()
                .filter(k -> givenBy.containsKey(k) && !strategyKeys.contains(k.key)).map(givenBy::get).toList();
        if (unread.isEmpty()) {
            return Optional.empty();
        }
        String strategy = config.reuse().strategy();
        return Optional.of("strategy " + strategy + " does not read L or H, so " + String.join(", ", unread)
                + (unread.size() == 1 ? " is" : " are") + " not used; set its levels with --strategy-options (its"
                + " keys: " + (strategyKeys.isEmpty() ? "none" : String.join(", ", strategyKeys)) + ")");
    }

    /**
     * A value's problem under the flag or file that gave it ({@code --epochs: must be at
     * least 1}, where the key alone sent the user looking for an {@code epochs} they never
     * typed); a default or a resumed run's value keeps the key.
     */
    private String whereGiven(ConfigProblem problem) {
        String source = ConfigKey.byName(problem.key()).map(givenBy::get).orElse(null);
        return source == null ? problem.toString() : source + ": " + problem.message();
    }

    /** The configuration, or a {@link ConfigException} listing every problem found. */
    ExperimentConfig resolve() {
        // Keys that failed to parse keep their previous value, so the value checks
        // still run and their problems join the list.
        ExperimentConfig config = ConfigKey.toConfig(values);
        List<String> problems = new ArrayList<>(errors);
        config.problems().forEach(problem -> problems.add(whereGiven(problem)));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }
}

package adr.cli;

import adr.core.experiment.ExperimentConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves a run's configuration: defaults, then an experiment file, then flags.
 * Collects every problem (unknown keys, wrong types, invalid values) before failing,
 * so a user fixes a file in one pass.
 */
final class ConfigResolver {
    private final Map<ConfigKey, Object> values = ConfigKey.valuesOf(ExperimentConfig.defaults());
    private final List<String> errors = new ArrayList<>();

    /** Overlays a YAML experiment file from disk. */
    ConfigResolver file(Path path) {
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
            document = new ObjectMapper(new YAMLFactory()).readValue(in, Object.class);
        } catch (JsonProcessingException e) {
            errors.add(source + ": not valid YAML (" + e.getOriginalMessage() + ")");
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

    /** Overlays one value, parsed by the key's type. */
    ConfigResolver set(String source, String name, Object raw) {
        var key = ConfigKey.byName(name);
        if (key.isEmpty()) {
            errors.add(source + ": unknown key '" + name + "'; known keys: " + ConfigKey.names());
        } else if (raw == null) {
            errors.add(source + ": " + name + " has no value");
        } else {
            try {
                values.put(key.get(), key.get().type.parse(raw));
            } catch (IllegalArgumentException e) {
                // a flag names its key already: "--lr: expected a number", not "--lr: lr: ..."
                String where = source.equals("--" + name) ? source : source + ": " + name;
                errors.add(where + ": " + e.getMessage());
            }
        }
        return this;
    }

    /** The configuration, or a {@link ConfigException} listing every problem found. */
    ExperimentConfig resolve() {
        // Keys that failed to parse keep their previous value, so the value checks
        // still run and their problems join the list.
        ExperimentConfig config = ConfigKey.toConfig(values);
        List<String> problems = new ArrayList<>(errors);
        problems.addAll(config.validate());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }
}

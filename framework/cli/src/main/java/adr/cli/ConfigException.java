package adr.cli;

import java.util.List;

/** Every problem with a run's configuration, one per line. */
final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(List<String> problems) {
        super("invalid configuration (" + Plural.of(problems.size(), "problem") + "):\n  "
                + String.join("\n  ", problems));
    }
}

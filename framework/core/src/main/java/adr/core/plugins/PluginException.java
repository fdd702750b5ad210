package adr.core.plugins;

import java.util.List;

/**
 * Every problem found while loading plugins or resolving a run's plugin choices,
 * one line each. Each line names the jar (or "classpath") at fault and the fix. A run
 * that gets this exception has not started training.
 */
public final class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    /** Not part of the serialized form: only the process that loaded the plugins can use them. */
    private final transient PluginRegistry usable;

    /** @param problems at least one, each a single line (line breaks are flattened) */
    public PluginException(List<String> problems) {
        this(problems, null);
    }

    /** @param usable the plugins that loaded without a problem, so that later checks can still run */
    PluginException(List<String> problems, PluginRegistry usable) {
        super(message(flatten(problems)));
        this.problems = flatten(problems);
        this.usable = usable;
    }

    /** The problems, one line each, in the order they were found. */
    public List<String> problems() {
        return problems;
    }

    /**
     * For a loading failure, the registry of the factories that loaded cleanly (names
     * offered twice left out), so that a run can check its choices too and report every
     * problem at once; empty for other failures.
     */
    public java.util.Optional<PluginRegistry> usablePlugins() {
        return java.util.Optional.ofNullable(usable);
    }

    private static String message(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a PluginException needs at least one problem");
        }
        if (lines.size() == 1) {
            return lines.get(0);
        }
        return lines.size() + " plugin problems:\n  " + String.join("\n  ", lines);
    }

    private static List<String> flatten(List<String> problems) {
        return problems.stream().map(p -> p.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ")).toList();
    }
}

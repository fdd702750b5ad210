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

    /** @param problems at least one, each a single line (line breaks are flattened) */
    public PluginException(List<String> problems) {
        super(message(flatten(problems)));
        this.problems = flatten(problems);
    }

    /** The problems, one line each, in the order they were found. */
    public List<String> problems() {
        return problems;
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

package adr.cli;

import adr.tracking.run.ResumePoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a run's recorded configuration back into a resolver. The record spells plugin
 * options one per key ({@code clustering-options.variant}); the resolver takes them as
 * one mapping per kind, as in an experiment file.
 */
final class RecordedConfig {
    private RecordedConfig() {
    }

    static void overlay(ConfigResolver resolver, ResumePoint resume) {
        String source = "run " + resume.runId();
        Map<String, Map<String, Object>> options = new LinkedHashMap<>();
        resume.config().forEach((key, value) -> {
            int dot = key.indexOf(".");
            if (key.contains("-options.") && dot > 0) {
                options.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>())
                        .put(key.substring(dot + 1), value);
            } else {
                resolver.set(source, key, value);
            }
        });
        options.forEach((kind, values) -> resolver.set(source, kind, values));
        resolver.asStartingPoint();
    }
}

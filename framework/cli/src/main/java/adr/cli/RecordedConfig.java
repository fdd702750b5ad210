package adr.cli;

import adr.core.checkpoint.CheckpointStore;
import adr.core.experiment.ExperimentConfig;
import adr.tracking.run.ResumePoint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Refuses other data, batches or seed for a resumed run: its steps, epochs and history count
     * in the batches it started with. A new run from its checkpoint may change them.
     *
     * @throws IllegalArgumentException naming each changed setting and the two ways on
     */
    static void requireSameBatches(ExperimentConfig config, ResumePoint resume) {
        Map<String, String> now = config.asMap();
        List<String> changed = ExperimentConfig.BATCH_KEYS.stream().filter(key -> resume.config().containsKey(key)
                && !String.valueOf(resume.config().get(key)).equals(now.get(key)))
                .map(key -> "--" + key + " " + now.get(key) + " (it trained with " + resume.config().get(key) + ")")
                .toList();
        if (!changed.isEmpty()) {
            Path checkpoint = resume.lastCheckpoint() != null ? resume.lastCheckpoint() : resume.checkpointDir();
            // a run stopped in its first epoch may have saved none: then a new run starts afresh
            String newRun = checkpoint != null && CheckpointStore.exists(checkpoint)
                    ? "start a new run from its checkpoint with --resume-from " + checkpoint
                    : "start a new run with them (it saved no checkpoint to start from)";
            throw new IllegalArgumentException("run " + resume.runId() + " is resumed with "
                    + String.join(", ", changed) + "; a resumed run keeps its data, batch size and seed: drop those"
                    + " flags, or " + newRun);
        }
    }
}

package adr.core.experiment;

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
 */
public record ReuseConfig(String strategy, String policy, String clustering, int subVectorLength, int hashBits,
        Path pluginsDir) {

    /** Exact training; the shipped LSH clustering and cost-model policy when a strategy reuses. */
    public static ReuseConfig defaults() {
        return new ReuseConfig("exact", "auto", "lsh", 25, 8, null);
    }

    public boolean exact() {
        return strategy.equals("exact");
    }

    List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (subVectorLength < 1) {
            errors.add("L: the sub-vector length must be at least 1, got " + subVectorLength);
        }
        if (hashBits < 1 || hashBits > 30) {
            errors.add("H: hash bits must be in 1..30, got " + hashBits);
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
        return m;
    }
}

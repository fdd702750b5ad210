package adr.cli.runs;

import adr.tracking.events.EvaluationCompleted;
import adr.tracking.events.ReuseConfigChanged;
import adr.tracking.events.RunCompleted;
import adr.tracking.events.RunStarted;
import adr.tracking.events.StepMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A home with three runs an hour apart: an exact baseline, a reuse run that saved time, and
 * one whose writer died.
 */
final class RunsFixtures {
    private RunsFixtures() {
    }

    static void threeRuns(Path home) throws IOException {
        new JournalFiles(home, "exact-1").add(started("exact", "none")).add(step(1.0))
                .add(new EvaluationCompleted(1, 0.86, 0.41, 1000))
                .add(completed(0.86, 100.0, 400.0, Map.of("conv1", 1.0, "conv2", 1.0)));
        new JournalFiles(home, "reuse-1", JournalFiles.T0.plusSeconds(3600)).add(started("fixed", "lsh"))
                .add(change("conv1", "exact", "L=25 H=8", "fixed strategy: reuse from the start"))
                .add(change("conv2", "exact", "L=25 H=8", "fixed strategy: reuse from the start")).add(step(0.3))
                .add(new EvaluationCompleted(1, 0.85, 0.43, 1000))
                .add(change("conv2", "L=25 H=8", "exact", "accuracy below target"))
                .add(completed(0.85, 40.0, 1000.0, Map.of("conv1", 0.2, "conv2", 0.4)));
        new JournalFiles(home, "died-1", JournalFiles.T0.plusSeconds(7200)).add(started("fixed", "kmeans"))
                .add(step(0.5));
    }

    static RunStarted started(String strategy, String clustering) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", "cifarnet");
        config.put("epochs", "1");
        config.put("strategy", strategy);
        config.put("clustering", clustering);
        config.put("L", "25");
        config.put("H", "8");
        return new RunStarted("cifarnet", "fashion-mnist", strategy, clustering, config,
                List.of(new RunStarted.PluginUse("clustering", "lsh", "adr-lsh", "0.1.0", "1.0", "classpath",
                        Map.of("variant", "quantized"))),
                1, 100, 6400, 1000, "trainer-7", 4242, 30, false, 0, 0);
    }

    static StepMetrics step(double ratio) {
        return new StepMetrics(1, 50, 100, 49, 0.9, 0.02, 800, List.of(
                new StepMetrics.LayerMetrics("conv1", "reuse", 25, 8, 64, ratio, Map.of()),
                new StepMetrics.LayerMetrics("conv2", "reuse", 25, 8, 64, ratio, Map.of())));
    }

    static ReuseConfigChanged change(String layer, String from, String to, String reason) {
        return new ReuseConfigChanged(layer, from, to, "exact".equals(to) ? "exact" : "forward+weights+input",
                reason, 1, 0);
    }

    static RunCompleted completed(double accuracy, double wall, double imagesPerSecond, Map<String, Double> ratios) {
        return new RunCompleted(accuracy, 0.42, wall, wall - 2, imagesPerSecond, 6400, 1, 100, ratios);
    }
}

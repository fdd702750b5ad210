package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's files hold every finished run, marked incomplete until the last. */
class BenchReportTest {

    private static RepeatedRuns entry(String name, double wall) {
        return new RepeatedRuns(name, List.of(new RunRecord(name, wall, wall, 1000 / wall, 0.8, List.of(0.8),
                List.of(wall), name.equals("exact") ? 1.0 : 0.3, 0)));
    }

    @Test
    void theFilesAfterEachRunHoldTheRunsFinishedSoFar(@TempDir Path dir) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", "cifarnet");
        settings.put("epochs", 3);
        settings.put("batch_size", 64);
        Path json = dir.resolve("out.json");
        Path png = dir.resolve("out.png");
        BenchReport report = new BenchReport(settings, json, png, "cifarnet");

        report.write(List.of(entry("exact", 100)), false);
        JsonNode first = new ObjectMapper().readTree(json.toFile());
        report.write(List.of(entry("exact", 100), entry("fixed", 50)), true);
        JsonNode last = new ObjectMapper().readTree(json.toFile());

        assertThat(first.fieldNames()).toIterable().containsExactly("model", "epochs", "batch_size", "complete",
                "runs");
        assertThat(first.get("complete").asBoolean()).isFalse();
        assertThat(first.get("runs")).hasSize(1);
        assertThat(last.get("complete").asBoolean()).isTrue();
        assertThat(last.get("runs")).hasSize(2);
        assertThat(last.get("runs").get(1).get("time_saved_vs_exact").asDouble()).isEqualTo(0.5);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isPositive();
    }

    @Test
    void withoutAJsonFileOnlyThePlotIsWritten(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("bench-train.png");

        new BenchReport(Map.of("model", "cifarnet"), null, png, "cifarnet").write(List.of(entry("exact", 10)), false);

        assertThat(ImageIO.read(png.toFile()).getWidth()).isPositive();
        assertThat(dir.toFile().list()).containsExactly("bench-train.png");
    }
}

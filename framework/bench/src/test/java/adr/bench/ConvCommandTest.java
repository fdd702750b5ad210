package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.core.plugins.PluginLoader;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code adr bench conv} on real activations, reduced to a few repetitions: the report's fields. */
class ConvCommandTest {

    @Test
    void writesOneEntryPerLayerWithTheDocumentedFields(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        Path json = dir.resolve("conv.json");
        CommandLine cli = BenchMain.commandLine();
        cli.setErr(new PrintWriter(new StringWriter(), true));

        int code = cli.execute("conv", "--model", "cifarnet", "--layer", "all", "--batch-size", "8", "--L", "25",
                "--H", "4", "--warmup", "1", "--repetitions", "1", "--plugins-dir", dir.toString(), "--json",
                json.toString());

        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("complete").asBoolean()).isTrue();
        JsonNode layers = report.get("layers");
        assertThat(layers).hasSize(2);
        for (JsonNode layer : layers) {
            for (String field : new String[] {"layer", "out_channels", "batch", "L", "H", "clustering", "exact_path",
                "exact_ms", "reuse_ms", "speedup", "remaining_ratio", "relative_error", "bound", "phases_ms"}) {
                assertThat(layer.has(field)).as(field).isTrue();
            }
            assertThat(layer.get("remaining_ratio").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(layer.get("relative_error").asDouble()).isGreaterThanOrEqualTo(0).isLessThan(1.5);
            assertThat(layer.get("phases_ms").has("cluster")).isTrue();
        }
        assertThat(layers.get(1).get("layer").asText()).isEqualTo("conv2");
    }

    @Test
    void theResultsSoFarAreHandedOnAfterEveryLayer() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        var lsh = new PluginLoader().loadDefault().clustering().get("lsh");
        var settings = new ConvBenchmark.Settings("cifarnet", 8, lsh, Config.defaults(lsh.configKeys()), 25, 4,
                ReuseScope.FORWARD_AND_WEIGHTS, 0, 1, 1);
        List<List<String>> handedOn = new ArrayList<>();

        var results = new ConvBenchmark(settings).run(DatasetSource.parse("fashion-mnist").load().train(),
                List.of("all"), line -> { }, soFar -> handedOn.add(soFar.stream()
                        .map(ConvBenchmark.LayerResult::layer).toList()));

        assertThat(handedOn).containsExactly(List.of("conv1"), List.of("conv1", "conv2"));
        assertThat(results).hasSize(2);
    }

    /** Runs {@code adr bench conv args} and asserts a usage error whose one message is {@code expected}. */
    private static void assertRefused(String expected, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = BenchMain.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String[] command = new String[args.length + 1];
        command[0] = "conv";
        System.arraycopy(args, 0, command, 1, args.length);

        int code = cli.execute(command);

        assertThat(code).isEqualTo(BenchMain.USAGE_ERROR);
        assertThat(err.toString().strip()).isEqualTo(expected);
    }

    /** One cluster per row allowed (H=30) at L=1: 1600 groups x 25,088 rows x 64 channels of cluster tables. */
    @Test
    void aBatchTooLargeForALayersReuseArraysIsRefusedBeforeMeasuring() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        assertRefused("adr bench: conv2: batch 128 too large to reuse L=1 H=30: its largest array would hold"
                + " 2,569,011,200 elements, more than one array may (2,147,483,639); batches of up to 106 images"
                + " reuse it; lower --batch-size", "--layer", "conv2", "--batch-size", "128", "--L", "1", "--H", "30");
    }

    /** A missing dataset: the name must be refused before any data is read. */
    @Test
    void anUnknownLayerAmongKnownOnesIsRefusedBeforeTheData(@TempDir Path dir) {
        assertRefused("adr bench: --layer: no convolution named conv9 in cifarnet; known: all, conv1, conv2",
                "--layer", "conv1,conv9", "--dataset", "idx:" + dir.resolve("nowhere"), "--batch-size", "4",
                "--repetitions", "1", "--warmup", "0");
    }

    /** A missing dataset: the options must be refused before any data is read. */
    @Test
    void optionsTheClusteringRefusesAreNamedWithTheClusteringBeforeTheData(@TempDir Path dir) {
        assertRefused("adr bench: clustering kmeans: iterations must be in 1..100, got 0",
                "--layer", "conv1", "--dataset", "idx:" + dir.resolve("nowhere"), "--clustering", "kmeans",
                "--clustering-options", "iterations=0", "--plugins-dir", dir.toString());
    }

    @Test
    void everyCountOutOfRangeIsNamedWithItsValue() {
        assertRefused("adr bench: --warmup must be at least 0, got -1; --batch-size must be at least 1, got -3",
                "--batch-size", "-3", "--warmup", "-1");
        assertRefused("adr bench: --L must be at least 1, got 0; --H must be in 1..30, got 31", "--L", "0",
                "--H", "31");
    }
}

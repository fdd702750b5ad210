package adr.bench;

import adr.cli.OutputFile;
import adr.cli.Plural;
import adr.core.NativeBackend;
import adr.core.data.Dataset;
import adr.core.data.DatasetSource;
import adr.core.experiment.ReuseConfig;
import adr.core.plugins.GuardedClusteringFactory;
import adr.core.plugins.PluginChoices;
import adr.core.plugins.PluginLoader;
import adr.core.plugins.PluginSelection;
import adr.spi.reuse.ReuseScope;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adr bench conv}: exact against reuse, one convolution at a time, on real activations. */
@Command(name = "conv", mixinStandardHelpOptions = true,
        description = "Time one convolution layer (or all) forward+backward, exact against reuse, on real activations.")
final class ConvCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "cifarnet",
            description = "cifarnet or vgg-small (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist, idx:DIR or cifar10:DIR (default ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--layer", defaultValue = "all", split = ",", description = "layer names or all (default all)")
    List<String> layers;

    @Option(names = "--batch-size", defaultValue = "64",
            description = "images per step (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--clustering", defaultValue = "lsh", description = "clustering plugin (default ${DEFAULT-VALUE})")
    String clustering;

    @Option(names = "--clustering-options", split = ",", paramLabel = "KEY=VALUE",
            description = "the clustering's settings, e.g. variant=sign (./adr plugins NAME lists them)")
    Map<String, String> clusteringOptions = new LinkedHashMap<>();

    @Option(names = "--L", defaultValue = "" + ReuseConfig.DEFAULT_LENGTH,
            description = "sub-vector length; capped at the row length (default ${DEFAULT-VALUE}, as train's)")
    int length;

    @Option(names = "--H", defaultValue = "" + ReuseConfig.DEFAULT_HASH_BITS,
            description = "hash bits (default ${DEFAULT-VALUE}, as train's)")
    int hashBits;

    @Option(names = "--reuse", defaultValue = "all",
            description = "what is reused: forward, forward+weights or all (default: all, as in the paper)")
    String reuse;

    @Option(names = "--warmup", defaultValue = "3", description = "untimed repetitions (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--repetitions", defaultValue = "10", description = "timed repetitions (default ${DEFAULT-VALUE})")
    int repetitions;

    @Option(names = "--seed", defaultValue = "1",
            description = "seed of the weights, the batch drawn and the clustering (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--plugins-dir", paramLabel = "DIR", description = "plugin jars directory (default ./plugins)")
    Path pluginsDir;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON here")
    Path json;

    @Override
    public Integer call() {
        requireCounts();
        OutputFile.requireWritable("--json", json);
        ConvBenchmark.requireLayers(model, layers);
        var loader = new PluginLoader();
        var registry = pluginsDir == null ? loader.loadDefault() : loader.load(pluginsDir);
        var selected = PluginSelection.resolve(PluginChoices.NONE.withClustering(clustering, clusteringOptions),
                registry).clustering().orElseThrow();
        PluginSelection.clusteringRefusal(selected).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        var settings = new ConvBenchmark.Settings(model, batchSize, GuardedClusteringFactory.of(selected),
                selected.config(), length, hashBits, scope(reuse), warmup, repetitions, seed);
        DatasetSource source = DatasetSource.parse(dataset);
        Dataset train = source.load().train();
        List<ConvBenchmark.LayerResult> results = new ConvBenchmark(settings).run(train, layers,
                System.err::println, soFar -> write(source.describe(), soFar, false));
        print(System.out, results);
        write(source.describe(), results, true);
        return 0;
    }

    /** Every count out of range, named with its value, in one line. */
    void requireCounts() {
        List<String> problems = new ArrayList<>();
        if (warmup < 0) {
            problems.add("--warmup must be at least 0, got " + warmup);
        }
        if (repetitions < 1) {
            problems.add("--repetitions must be at least 1, got " + repetitions);
        }
        if (batchSize < 1) {
            problems.add("--batch-size must be at least 1, got " + batchSize);
        }
        if (length < 1) {
            problems.add("--L must be at least 1, got " + length);
        }
        if (hashBits < 1 || hashBits > 30) {
            problems.add("--H must be in 1..30, got " + hashBits);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    static ReuseScope scope(String reuse) {
        try {
            return ReuseScope.named(reuse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--reuse " + e.getMessage(), e);
        }
    }

    private void print(PrintStream out, List<ConvBenchmark.LayerResult> results) {
        out.printf(Locale.ROOT, "%s, batch %d, clustering %s, reuse %s, %s after %s (medians)%n",
                model, batchSize, clustering + (clusteringOptions.isEmpty() ? "" : " " + clusteringOptions), reuse,
                Plural.of(repetitions, "repetition"), Plural.of(warmup, "warm-up run"));
        out.printf(Locale.ROOT, "%-7s %4s %5s %4s %3s  %-6s %9s %9s %8s %6s %8s %6s%n", "layer", "M", "K", "L", "H",
                "exact", "exact ms", "reuse ms", "speedup", "r_c", "rel.err", "bound");
        for (var r : results) {
            out.printf(Locale.ROOT, "%-7s %4d %5d %4d %3d  %-6s %9.2f %9.2f %8.2f %6.3f %8.3f %6.2f%n", r.layer(),
                    r.outChannels(), r.rowLength(), r.length(), r.hashBits(), r.exactPath(), r.exactMs(), r.reuseMs(),
                    r.speedup(), r.remainingRatio(), r.relativeError(), r.bound());
        }
        for (var r : results) {
            StringBuilder line = new StringBuilder("  " + r.layer() + " reuse phases (ms):");
            r.phaseMs().forEach((phase, ms) -> line.append(String.format(Locale.ROOT, " %s %.2f", phase, ms)));
            out.println(line);
        }
    }

    /**
     * The JSON, when asked for: after every layer with {@code "complete": false} (a run over
     * all layers that is stopped keeps the layers it measured), and at the end.
     */
    private void write(String datasetName, List<ConvBenchmark.LayerResult> results, boolean complete) {
        if (json == null) {
            return;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", model);
        report.put("dataset", datasetName);
        report.put("batch_size", batchSize);
        report.put("reuse", reuse);
        report.put("clustering_options", clusteringOptions);
        report.put("warmup", warmup);
        report.put("repetitions", repetitions);
        report.put("nd4j_backend", NativeBackend.select());
        report.put("complete", complete);
        report.put("layers", results.stream().map(ConvBenchmark.LayerResult::json).toList());
        OutputFile.writeJson("--json", json, report);
    }
}

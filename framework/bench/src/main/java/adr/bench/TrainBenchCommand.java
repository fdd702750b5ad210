package adr.bench;

import adr.cli.OutputFile;
import adr.cli.Plural;
import adr.core.NativeBackend;
import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentRunner;
import adr.core.experiment.ReuseConfig;
import adr.core.plugins.NamedOptions;
import adr.core.plugins.PluginException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adr bench train}: whole training runs per strategy and the DL4J peer, side by side. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the same model with each strategy (and the DL4J peer) one after another; "
                + "compare wall time and test accuracy.")
final class TrainBenchCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "cifarnet",
            description = "cifarnet or vgg-small (default ${DEFAULT-VALUE})") String model;
    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist, idx:DIR or cifar10:DIR (default ${DEFAULT-VALUE})")
    String dataset;
    @Option(names = "--epochs", defaultValue = "3",
            description = "training epochs of every run (default ${DEFAULT-VALUE})") int epochs;
    @Option(names = "--train-limit", defaultValue = "0", description = "first N training images (0 = all)")
    int trainLimit;
    @Option(names = "--test-limit", defaultValue = "0", description = "first N test images (0 = all)") int testLimit;
    @Option(names = "--batch-size", defaultValue = "64",
            description = "images per step (default ${DEFAULT-VALUE})") int batchSize;
    @Option(names = "--eval-batch-size", defaultValue = "64",
            description = "images per evaluation batch, for every run and the peer (default ${DEFAULT-VALUE})")
    int evalBatchSize;
    @Option(names = "--lr", defaultValue = "0.02",
            description = "base learning rate of every run (default ${DEFAULT-VALUE})") double learningRate;
    @Option(names = "--seed", defaultValue = "1",
            description = "the one seed of every run (default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--strategies", defaultValue = "exact,fixed,staged", split = ",",
            description = "strategies to train with, in order (default ${DEFAULT-VALUE})")
    List<String> strategies;
    @Option(names = "--policy", defaultValue = "auto",
            description = "reuse policy: auto, all, or a plugin's (default ${DEFAULT-VALUE})") String policy;
    @Option(names = "--clustering", defaultValue = "lsh",
            description = "clustering: lsh, kmeans, or a plugin's (default ${DEFAULT-VALUE})") String clustering;
    @Option(names = "--L", defaultValue = "" + ReuseConfig.DEFAULT_LENGTH,
            description = "sub-vector length for the fixed strategy (default ${DEFAULT-VALUE})")
    int length;
    @Option(names = "--H", defaultValue = "" + ReuseConfig.DEFAULT_HASH_BITS,
            description = "hash bits for the fixed strategy (default ${DEFAULT-VALUE})")
    int hashBits;
    @Option(names = "--strategy-options", split = ",", paramLabel = "STRATEGY.KEY=VALUE",
            description = "settings of the listed strategies, each key after its strategy's name, e.g. "
                    + "adaptive.max-error=0.4,budget.target-error=0.3 (./adr plugins NAME lists the keys)")
    Map<String, String> strategyOptions = new LinkedHashMap<>();
    @Option(names = "--policy-options", split = ",", paramLabel = "KEY=VALUE",
            description = "the policy's settings, for every run that reuses, e.g. max-fraction=0.9")
    Map<String, String> policyOptions = new LinkedHashMap<>();
    @Option(names = "--clustering-options", split = ",", paramLabel = "KEY=VALUE",
            description = "the clustering's settings, for every run that reuses, e.g. variant=sign")
    Map<String, String> clusteringOptions = new LinkedHashMap<>();
    @Option(names = "--plugins-dir", paramLabel = "DIR", description = "plugin jars directory (default ./plugins)")
    Path pluginsDir;
    @Option(names = "--peer", defaultValue = "none", description = "dl4j or none (default ${DEFAULT-VALUE})")
    String peer;
    @Option(names = "--warmup-steps", defaultValue = "300",
            description = "untimed exact steps before the first run, so it does not pay the process's warm-up"
                    + " (default ${DEFAULT-VALUE})")
    int warmupSteps;
    @Option(names = "--rounds", defaultValue = "1",
            description = "train every entry this many times, round by round (interleaved), and report each entry's"
                    + " median run (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--json", paramLabel = "FILE", description = "write the runs as JSON here") Path json;
    @Option(names = "--plot", paramLabel = "FILE",
            description = "PNG of test accuracy against wall time (default: next to --json, else bench-train.png)")
    Path plot;

    @Override
    public Integer call() {
        requireValidOptions();
        OutputFile.requireWritable("--json", json);
        Path png = plotFile();
        OutputFile.requireWritable(plot != null ? "--plot" : "the plot (--plot)", png);
        ExperimentConfig d = ExperimentConfig.defaults();
        ExperimentConfig base = new ExperimentConfig(model, dataset, epochs, batchSize, evalBatchSize,
                learningRate, d.schedule(), d.momentum(), d.weightDecay(), seed, trainLimit, testLimit, 0, false,
                d.convAlgorithm(), null, null, new ReuseConfig("exact", policy, clustering, length, hashBits,
                        pluginsDir, Map.of("policy", policyOptions, "clustering", clusteringOptions)));
        // every value the defaults did not supply came from this command's flag of the same name
        var errors = base.problems().stream().map(p -> "--" + p.key() + ": " + p.message()).toList();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        checkStrategies(base);
        TrainBenchmark bench = new TrainBenchmark(base, this::optionsOf, System.err::println);
        bench.warmUp(warmupSteps);
        BenchReport report = new BenchReport(settings(), json, png, String.format(Locale.ROOT,
                "%s on %s, %s, %s images, batch %d", model, dataset, Plural.of(epochs, "epoch"),
                trainLimit == 0 ? "all" : Integer.toString(trainLimit), batchSize));
        List<RepeatedRuns> entries = train(bench, report);
        RepeatedRuns exact = entries.stream().filter(r -> r.name().equals("exact")).findFirst().orElse(null);
        print(System.out, entries, exact);
        report.write(entries, true);
        System.out.println("plot written to " + png);
        if (json != null) {
            System.out.println("results written to " + json);
        }
        return 0;
    }

    /** The bench's own options, refused with one line each before anything is read or trained. */
    private void requireValidOptions() {
        if (!peer.equals("dl4j") && !peer.equals("none")) {
            throw new IllegalArgumentException("--peer must be dl4j or none, got '" + peer + "'");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("--warmup-steps must be at least 0, got " + warmupSteps);
        }
        if (plot != null && !plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            // the plot is PNG data whatever the name; an image viewer trusting "x.jpg" would not open it
            throw new IllegalArgumentException("--plot " + plot + ": the plot is a PNG image; give a file name ending"
                    + " in .png");
        }
        List<String> strays = StrategyOptions.strays(strategies, strategyOptions);
        if (!strays.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", strays));
        }
        List<String> repeated = strategies.stream().filter(s -> Collections.frequency(strategies, s) > 1).distinct()
                .toList();
        if (!repeated.isEmpty()) {
            // one run per name: the table, the JSON and the plot tell runs apart by it
            throw new IllegalArgumentException("--strategies names " + String.join(", ", repeated) + " more than"
                    + " once; list each strategy once, and use --rounds N to repeat runs");
        }
    }

    /** Every strategy's plugin problems, all reported before the first run rather than when its turn comes. */
    private void checkStrategies(ExperimentConfig base) {
        List<String> problems = new ArrayList<>();
        for (String name : strategies) {
            try {
                ExperimentRunner.checkPlugins(base.withReuse(base.reuse().withStrategy(name, optionsOf(name))));
            } catch (PluginException e) {
                e.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginException(problems);
        }
    }

    /**
     * Every strategy, then the peer, once per round: interleaving the rounds spreads a slow
     * spell of the machine over all entries instead of one.
     */
    private List<RepeatedRuns> train(TrainBenchmark bench, BenchReport report) {
        List<String> names = new ArrayList<>(strategies);
        if (peer.equals("dl4j")) {
            names.add("dl4j");
        }
        List<List<RunRecord>> byEntry = names.stream().<List<RunRecord>>map(name -> new ArrayList<>()).toList();
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                System.err.printf(Locale.ROOT, "round %d/%d%n", round, rounds);
            }
            for (int i = 0; i < names.size(); i++) {
                // the entries past the strategies are the peer
                byEntry.get(i).add(i < strategies.size() ? bench.strategy(names.get(i)) : bench.peer());
                report.write(finished(names, byEntry), false);
            }
        }
        return finished(names, byEntry);
    }

    /** The entries with at least one finished run, in the order given. */
    private static List<RepeatedRuns> finished(List<String> names, List<List<RunRecord>> byEntry) {
        return IntStream.range(0, names.size()).filter(i -> !byEntry.get(i).isEmpty())
                .mapToObj(i -> new RepeatedRuns(names.get(i), byEntry.get(i))).toList();
    }

    /** The {@code --strategy-options} of one strategy, without its name. */
    private Map<String, String> optionsOf(String strategy) {
        return NamedOptions.of(strategy, strategyOptions);
    }

    /** {@code --plot}, else next to {@code --json}, else {@code bench-train.png}. */
    private Path plotFile() {
        return plot != null ? plot
                : json != null ? json.resolveSibling(stem(json) + ".png") : Path.of("bench-train.png");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void print(PrintStream out, List<RepeatedRuns> entries, RepeatedRuns exact) {
        if (rounds > 1) {
            out.printf(Locale.ROOT, "median of %d rounds per run; spread = (slowest - fastest) / median%n", rounds);
        }
        out.printf(Locale.ROOT, "%-10s %9s %7s %9s %9s %8s %10s %10s%n", "run", "wall s", "spread", "images/s",
                "accuracy", "r_c", "time saved", "acc. delta");
        for (RepeatedRuns entry : entries) {
            RunRecord r = entry.median();
            String saved = exact == null ? "-" : String.format(Locale.ROOT, "%.3f", entry.timeSavedVs(exact));
            String delta = exact == null ? "-" : String.format(Locale.ROOT, "%+.4f", r.testAccuracy()
                    - exact.median().testAccuracy());
            String spread = rounds > 1 ? String.format(Locale.ROOT, "%.3f", entry.wallSpread()) : "-";
            out.printf(Locale.ROOT, "%-10s %9.1f %7s %9.0f %9.4f %8.3f %10s %10s%n", entry.name(), r.wallSeconds(),
                    spread, r.imagesPerSecond(), r.testAccuracy(), r.meanRemainingRatio(), saved, delta);
        }
    }

    /** What was trained, at the top of the JSON. */
    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", model);
        settings.put("dataset", dataset);
        settings.put("epochs", epochs);
        settings.put("train_limit", trainLimit);
        settings.put("test_limit", testLimit);
        settings.put("batch_size", batchSize);
        settings.put("eval_batch_size", evalBatchSize);
        settings.put("lr", learningRate);
        settings.put("seed", seed);
        settings.put("policy", policy);
        settings.put("clustering", clustering);
        settings.put("L", length);
        settings.put("H", hashBits);
        settings.put("strategy_options", strategyOptions);
        settings.put("policy_options", policyOptions);
        settings.put("clustering_options", clusteringOptions);
        settings.put("warmup_steps", warmupSteps);
        settings.put("rounds", rounds);
        settings.put("nd4j_backend", NativeBackend.select());
        return settings;
    }
}

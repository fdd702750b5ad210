package adr.bench;

import adr.cli.OutputFile;
import adr.cli.Plural;
import adr.core.NativeBackend;
import adr.core.data.Dataset;
import adr.core.data.DatasetSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adr bench peer}: our exact engine against the DL4J peer on the same batches. */
@Command(name = "peer", mixinStandardHelpOptions = true,
        description = "Train ADR's exact engine and the same model in DL4J side by side;"
                + " report images/s and the ratio.")
final class PeerCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "cifarnet",
            description = "cifarnet or vgg-small (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist, idx:DIR or cifar10:DIR (default ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--batch-size", defaultValue = "64", description = "images per step (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--warmup", defaultValue = "10",
            description = "untimed steps per engine first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rounds", defaultValue = "5", description = "timed rounds per engine (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--steps", defaultValue = "20", description = "steps per round (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--seed", defaultValue = "1",
            description = "seed for weights and batch order (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--lr", defaultValue = "0.02",
            description = "learning rate of both engines (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--peer-onednn", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "let the DL4J peer use its oneDNN layer helpers (default ${DEFAULT-VALUE}); "
                    + "--no-peer-onednn measures DL4J's Java im2col layers")
    boolean peerHelpers;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON here")
    Path json;

    @Override
    public Integer call() {
        OutputFile.requireWritable("--json", json);
        var settings = new PeerBenchmark.Settings(model, batchSize, warmup, rounds, steps, seed, learningRate,
                peerHelpers);
        DatasetSource source = DatasetSource.parse(dataset);
        Dataset train = source.load().train();
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%s on %s (%dx%dx%d), batch %d: %s, %s x %s per engine%n",
                model, source.describe(), train.height(), train.width(), train.channels(), batchSize,
                Plural.of(warmup, "warm-up step"), Plural.of(rounds, "round"), Plural.of(steps, "step"));
        PeerBenchmark.Result result = new PeerBenchmark(settings).run(train);
        printTable(out, result);
        if (peerHelpers && result.peerConvHelper().equals("none")) {
            System.err.println("adr bench: note: the DL4J peer runs without oneDNN helpers on this ND4J build ("
                    + NativeBackend.select() + ")");
        }
        if (json != null) {
            write(PeerReport.of(result, source.describe(), NativeBackend.select()));
        }
        return 0;
    }

    private static void printTable(PrintStream out, PeerBenchmark.Result r) {
        String ours = "adr (" + r.exactConv().toLowerCase(Locale.ROOT) + " conv)";
        String peer = "dl4j (" + r.peerConvHelper() + ")";
        int width = Math.max(ours.length(), peer.length());
        out.printf(Locale.ROOT, "%-" + width + "s  %9s  %9s%n", "engine", "ms/step", "images/s");
        row(out, width, ours, r.ours());
        row(out, width, peer, r.peer());
        out.printf(Locale.ROOT, "ratio (adr / dl4j images/s): %.3f%n", r.ratio());
    }

    private static void row(PrintStream out, int width, String engine, RoundTimes t) {
        out.printf(Locale.ROOT, "%-" + width + "s  %9.2f  %9.1f%n", engine, t.msPerStep(), t.imagesPerSecond());
    }

    private void write(PeerReport report) {
        try {
            report.write(json);
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such directory" : e.getMessage();
            throw new UncheckedIOException("cannot write " + json.toAbsolutePath() + " (" + why
                    + "); pass --json a writable file", e);
        }
    }
}

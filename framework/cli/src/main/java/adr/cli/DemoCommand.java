package adr.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code adr demo}: times a short exact run, trains on the embedded defaults
 * ({@code adr/cli/demo.yaml}), prints the result and how much training time reuse saved
 * against exact training of the same steps.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train CifarNet on Fashion-MNIST with the embedded demo settings (adaptive reuse), print the"
                + " result and the training time saved against a short measured exact run.")
final class DemoCommand implements Callable<Integer> {
    static final String DEMO_RESOURCE = "demo.yaml";

    @Option(names = "--json", paramLabel = "FILE", description = "write a JSON summary of the run here")
    Path json;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Override
    public Integer call() throws Exception {
        ConfigResolver resolver = new ConfigResolver();
        try (InputStream in = DemoCommand.class.getResourceAsStream(DEMO_RESOURCE)) {
            resolver.yaml(in, "embedded " + DEMO_RESOURCE);
        }
        var config = resolver.resolve();
        OutputFile.requireWritable("--json", json);
        System.out.println("ADR demo: " + config.model() + " on " + config.dataset() + ", "
                + Plural.of(config.epochs(), "epoch") + " over " + config.trainLimit() + " training images, "
                + config.reuse().strategy() + " strategy, clustering " + config.reuse().clustering());
        System.out.println("measuring exact training speed first, for comparison (" + ExactPace.WARMUP_STEPS
                + " warm-up + " + ExactPace.MEASURED_STEPS + " steps)...");
        ExactPace before = ExactPace.measure(config);
        TrainingSession.Ended ended = new TrainingSession(System.out, System.err).train(config, null, tracking, null);
        if (ended.outcome() == null) {
            return ended.exitCode();
        }
        System.out.println("measuring exact training speed again, after the run (" + ExactPace.WARMUP_STEPS
                + " warm-up + " + ExactPace.MEASURED_STEPS + " steps)...");
        ExactReference exact = new ExactReference(before, ExactPace.measure(config));
        var result = ended.outcome().result();
        long steps = result.progress().globalStep();
        TimeSaved saved = new TimeSaved(config.reuse().strategy(), steps,
                ended.outcome().reuse().stepsWithReuse(steps), result.trainSeconds(), exact);
        saved.print(System.out);
        if (json != null) {
            RunSummary.of(ended.runId(), ended.outcome()).with(saved.jsonFields()).writeJson(json);
            System.out.println("summary written to " + json);
        }
        return ended.exitCode();
    }
}

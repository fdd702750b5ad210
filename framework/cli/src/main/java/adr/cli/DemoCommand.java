package adr.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code adr demo}: trains on the embedded defaults ({@code adr/cli/demo.yaml}) and prints the result. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train CifarNet on Fashion-MNIST with the embedded demo settings and print the result.")
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
        System.out.println("ADR demo: " + config.model() + " on " + config.dataset() + ", " + config.epochs()
                + " epoch(s) over " + config.trainLimit() + " training images, exact convolution");
        return new TrainingSession(System.out, System.err).run(config, json, tracking, null);
    }
}

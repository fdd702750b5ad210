package adr.cli;

import adr.core.NativeBackend;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code adr} command line. */
@Command(name = "adr", mixinStandardHelpOptions = true, version = "adr 0.1.0",
        description = "Adaptive deep reuse: train CNNs faster by reusing computation inside convolutions.",
        subcommands = {TrainCommand.class, DemoCommand.class, PluginsCommand.class, adr.cli.runs.RunsCommand.class},
        footer = {"", "The launcher also runs:",
            "  test     Install what the tests need and run the whole suite (mvn verify).",
            "  bench    Benchmarks: exact engine against DL4J, one convolution exact against",
            "             reuse, whole training runs per strategy (./adr bench --help).",
            "  kafka    A local one-node Kafka broker for --sink kafka (./adr kafka --help).",
            "  prometheus  Debian's Prometheus scraping training runs on this machine",
            "             (./adr prometheus --help)."})
public final class Main implements Runnable {
    static final int USAGE_ERROR = 2;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        NativeBackend.select();
        System.exit(commandLine().execute(args));
    }

    /** The command line of every command but the launcher's own; public for the tests that parse the docs. */
    public static CommandLine commandLine() {
        return OneLineErrors.install(new CommandLine(new Main()), "adr", Main::isUserError);
    }

    /** Problems the user can fix (bad input, bad config) get one line, not a stack trace. */
    private static boolean isUserError(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof ConfigException
                || e instanceof UncheckedIOException || e instanceof adr.core.data.DataException
                || e instanceof adr.core.checkpoint.CheckpointException
                || e instanceof adr.core.plugins.PluginException
                || e instanceof adr.core.plugins.PluginFailedException
                || e instanceof adr.tracking.journal.RunInUseException
                || e instanceof adr.core.train.TrainingDivergedException
                || e instanceof adr.core.train.TrainingOutOfMemoryException;
    }
}

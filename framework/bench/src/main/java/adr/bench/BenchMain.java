package adr.bench;

import adr.cli.OneLineErrors;
import adr.core.NativeBackend;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Entry point of {@code adr bench}. Picks the packaged ND4J native build before any ND4J
 * class loads, and keeps ND4J's and DL4J's start-up logging off stdout, so the table
 * printed there is all a reader or a script sees.
 */
public final class BenchMain {
    static final int USAGE_ERROR = 2;
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private BenchMain() {
    }

    public static void main(String[] args) {
        NativeBackend.select();
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return OneLineErrors.install(new CommandLine(new BenchCommand()), "adr bench", BenchMain::isUserError);
    }

    /**
     * Problems the user can fix (unknown model or plugin, missing dataset, unwritable file) get one line,
     * not a stack trace.
     */
    private static boolean isUserError(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof UncheckedIOException
                || e instanceof adr.core.data.DataException || e instanceof adr.core.plugins.PluginException
                || e instanceof adr.core.plugins.PluginFailedException
                || e instanceof adr.core.train.TrainingDivergedException
                || e instanceof adr.core.train.TrainingOutOfMemoryException;
    }
}

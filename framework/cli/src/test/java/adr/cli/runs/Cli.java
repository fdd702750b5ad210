package adr.cli.runs;

import adr.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code adr} as {@code main} would, with its output captured. */
final class Cli {
    static final int USAGE_ERROR = 2;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The exit code; output and errors accumulate until {@link #clear}. */
    int run(String... args) throws ReflectiveOperationException {
        // Main.commandLine() is package-private in adr.cli; it installs the one-line error handling
        Method commandLine = Main.class.getDeclaredMethod("commandLine");
        commandLine.setAccessible(true);
        CommandLine cli = (CommandLine) commandLine.invoke(null);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    List<String> lines() {
        return out().lines().toList();
    }

    void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}

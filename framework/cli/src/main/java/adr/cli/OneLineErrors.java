package adr.cli;

import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One line per mistake a user can fix, and exit code 2. A command line that cannot be
 * parsed (an unknown flag, a stray word) gets the line naming it, picocli's suggestions if
 * any, and the help command, instead of the whole usage text, so the mistake stays on
 * screen; a user error while running (bad data, a bad plugin name) gets its message
 * without a stack trace.
 */
public final class OneLineErrors implements CommandLine.IParameterExceptionHandler {
    private final String prefix;

    /** @param prefix starts the line, e.g. {@code adr} or {@code adr bench} */
    public OneLineErrors(String prefix) {
        this.prefix = prefix;
    }

    /** Installs both handlers on {@code cli}; {@code isUserError} picks the exceptions shown as one line. */
    public static CommandLine install(CommandLine cli, String prefix, Predicate<Exception> isUserError) {
        return cli.setParameterExceptionHandler(new OneLineErrors(prefix)).setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    if (isUserError.test(e)) {
                        cmd.getErr().println(prefix + ": " + e.getMessage());
                        return cmd.getCommandSpec().exitCodeOnInvalidInput();
                    }
                    throw e;
                });
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(line(e));
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    String line(ParameterException e) {
        String name = e.getCommandLine().getCommandSpec().qualifiedName(" ");
        String command = name.startsWith("adr") ? name : "adr " + name;
        // picocli names a map option "option '--x'" inside its own "Value for option ..."
        String message = e.getMessage().strip().replace("for option option '", "for option '");
        StringBuilder line = new StringBuilder(prefix).append(": ").append(message);
        List<String> suggestions = e instanceof UnmatchedArgumentException unmatched ? unmatched.getSuggestions()
                : List.of();
        if (!suggestions.isEmpty()) {
            // a flag as it is typed, a subcommand with the command it belongs to
            line.append("; did you mean ").append(String.join(" or ", suggestions.stream().limit(3)
                    .map(s -> s.startsWith("-") ? s : command + " " + s).toList())).append("?");
        }
        return line.append(" (./").append(command).append(" --help lists what it takes)").toString();
    }
}

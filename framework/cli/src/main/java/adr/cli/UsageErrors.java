package adr.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be parsed (an unknown flag, a stray word) gets one line
 * naming it, picocli's suggestions if any, and the help command, instead of the whole
 * usage text: the mistake stays on screen.
 */
public final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final String prefix;

    /** @param prefix starts the line, e.g. {@code adr} or {@code adr bench} */
    public UsageErrors(String prefix) {
        this.prefix = prefix;
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
        StringBuilder line = new StringBuilder(prefix).append(": ").append(e.getMessage().strip());
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

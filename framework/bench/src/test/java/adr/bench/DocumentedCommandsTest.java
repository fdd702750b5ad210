package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/**
 * Every {@code ./adr} command the README shows in a code block, and the compose stack's
 * trainer command, parses with today's flags: a renamed or removed flag fails here, not
 * for the first reader who copies the line (or, for the compose stack, which cannot run on
 * these machines, at all). Parsing only: nothing is trained.
 */
class DocumentedCommandsTest {
    /** The launcher's own commands: shell, not picocli. */
    private static final List<String> LAUNCHER_COMMANDS = List.of("test", "kafka", "prometheus");

    private final Path root = Path.of("").toAbsolutePath().getParent().getParent();

    @Test
    void everyAdrCommandInTheReadmeParses() throws IOException {
        List<List<String>> commands = readmeCommands(Files.readAllLines(root.resolve("README.md")));

        assertThat(commands).as("commands found in the README").hasSizeGreaterThan(20);
        SoftAssertions soft = new SoftAssertions();
        for (List<String> args : commands) {
            soft.assertThatCode(() -> parse(args)).as("./adr " + String.join(" ", args)).doesNotThrowAnyException();
        }
        soft.assertAll();
    }

    @Test
    void theComposeTrainerCommandParses() throws IOException {
        JsonNode command = new YAMLMapper().readTree(root.resolve("docker/docker-compose.yml").toFile())
                .path("services").path("trainer").path("command");
        List<String> args = new ArrayList<>();
        command.forEach(arg -> args.add(arg.asText()));

        assertThat(args).startsWith("train");
        parse(args);
    }

    @Test
    void aRemovedFlagWouldBeCaught() {
        assertThatThrownBy(() -> parse(List.of("train", "--no-such-flag")))
                .isInstanceOf(ParameterException.class);
    }

    private static void parse(List<String> args) {
        String[] array = args.toArray(String[]::new);
        if (args.get(0).equals("bench")) {
            BenchMain.commandLine().parseArgs(Arrays.copyOfRange(array, 1, array.length));
        } else {
            Main.commandLine().parseArgs(array);
        }
    }

    /**
     * The arguments of each {@code ./adr ...} line in a code block (also after a {@code $ }
     * prompt), with backslash continuations joined and comments, a trailing {@code &} and
     * the launcher's own commands left out.
     */
    static List<List<String>> readmeCommands(List<String> lines) {
        List<List<String>> commands = new ArrayList<>();
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (!inCode) {
                continue;
            }
            line = line.startsWith("$ ") ? line.substring(2) : line;
            if (!line.startsWith("./adr ")) {
                continue;
            }
            StringBuilder joined = new StringBuilder(line);
            while (joined.toString().endsWith("\\") && i + 1 < lines.size()) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(lines.get(++i).strip());
            }
            String text = joined.toString().replaceAll("\\s#.*$", "").strip().replaceAll("\\s&$", "").strip();
            List<String> args = new ArrayList<>(List.of(text.substring("./adr ".length()).strip().split("\\s+")));
            if (!LAUNCHER_COMMANDS.contains(args.get(0))) {
                commands.add(args);
            }
        }
        return commands;
    }
}

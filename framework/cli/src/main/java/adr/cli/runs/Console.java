package adr.cli.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The streams of one command: results to {@code out} (a table, or JSON for scripts), warnings
 * to {@code err} so that they never corrupt the JSON.
 */
public record Console(PrintWriter out, PrintWriter err) {
    // record components (payloads, metric points) in the same snake_case as the hand-built keys
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    public static Console of(CommandSpec spec) {
        return new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    void warn(String message) {
        err.println("adr: warning: " + message);
        err.flush();
    }

    /** A line about what the command is doing, on {@code err} like the warnings. */
    void note(String message) {
        err.println("adr: " + message);
        err.flush();
    }

    public void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }

    void println(String line) {
        out.println(line);
        out.flush();
    }
}

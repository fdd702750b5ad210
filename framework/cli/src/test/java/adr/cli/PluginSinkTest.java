package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.core.plugins.PluginJars;
import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.events.RunStarted;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import adr.tracking.journal.JournalSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A third-party event sink, compiled into its own jar at test time and dropped into a
 * plugins directory (not on the class path), receives every event of a real run after
 * the journal, and the run's provenance names it.
 */
class PluginSinkTest {
    private final StringWriter err = new StringWriter();

    private static Map<String, String> fileSinkPlugin() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("t.sink.FileSinkPlugin", """
                package t.sink;
                import adr.spi.*;
                import adr.spi.events.EventSinkFactory;
                import java.util.List;
                public final class FileSinkPlugin implements Plugin {
                    public String id() { return "file-sink"; }
                    public String version() { return "2.0.0"; }
                    public SpiVersion spiVersion() { return new SpiVersion(SpiVersion.MAJOR, 0); }
                    public List<EventSinkFactory> sinks() { return List.of(new FileSinkFactory()); }
                }
                """);
        sources.put("t.sink.FileSinkFactory", """
                package t.sink;
                import adr.spi.config.*;
                import adr.spi.events.*;
                import java.io.*;
                import java.nio.file.*;
                import java.util.List;
                public final class FileSinkFactory implements EventSinkFactory {
                    public String name() { return "lines"; }
                    public String description() { return "one line per event: seq and type"; }
                    public List<ConfigKey> configKeys() {
                        return List.of(ConfigKey.text("path", "", "the file to append to"));
                    }
                    public EventSink create(Config config) {
                        Path path = Path.of(config.text("path"));
                        return event -> {
                            try {
                                Files.writeString(path, event.seq() + " " + event.type() + "\\n",
                                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        };
                    }
                }
                """);
        return sources;
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aDroppedInSinkGetsEveryEventAndIsInTheProvenance(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        Path plugins = dir.resolve("plugins");
        Path jar = PluginJars.jar(plugins, "file-sink.jar", fileSinkPlugin(), List.of("t.sink.FileSinkPlugin"));
        Path lines = dir.resolve("events.txt");
        Path home = dir.resolve("runs");

        int code = run("train", "--home", home.toString(), "--metrics-port", "0", "--train-limit", "256",
                "--test-limit", "500", "--plugins-dir", plugins.toString(), "--sink", "lines", "--sink-options",
                "lines.path=" + lines);

        assertThat(code).as(err.toString()).isZero();
        String runId = new JournalSource(home).runIds().get(0);
        List<Event> journal = JournalReader.read(JournalLayout.journalFile(home, runId), w -> { });
        assertThat(Files.readAllLines(lines)).isEqualTo(journal.stream().map(e -> e.seq() + " " + e.type())
                .toList());
        RunStarted started = new EventJson().payload(journal.get(0), RunStarted.class);
        assertThat(started.plugins()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("sink");
            assertThat(p.name()).isEqualTo("lines");
            assertThat(p.version()).isEqualTo("2.0.0");
            assertThat(p.source()).isEqualTo(jar.toAbsolutePath().toString());
            assertThat(p.config()).containsEntry("path", lines.toString());
        });
    }

    @Test
    void anUnknownSinkIsOneLineListingTheKnownOnesBeforeAnyRunStarts(@TempDir Path dir) {
        Path home = dir.resolve("runs");
        Path noData = dir.resolve("no-data");

        // the data directory is missing too: the sink, checked before any data is read, is what is reported
        int code = run("train", "--home", home.toString(), "--metrics-port", "0", "--sink", "kafka,nosuch",
                "--kafka-bootstrap", "127.0.0.1:1", "--dataset", "idx:" + noData);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown sink 'nosuch'").contains("known:")
                .doesNotContain(noData.toString());
        assertThat(new JournalSource(home).runIds()).isEmpty();
    }

    @Test
    void sinkOptionsNoChosenSinkReadsAreRefusedBeforeAnyRunStarts(@TempDir Path dir) {
        Path home = dir.resolve("runs");

        int code = run("train", "--home", home.toString(), "--metrics-port", "0", "--sink-options",
                "lines.path=/tmp/e.log,verbose=true,kafka.acks=1", "--dataset", "idx:" + dir.resolve("no-data"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--sink-options lines.path is for sink 'lines', which --sink does not"
                + " name; add --sink lines or drop the option")
                .contains("--sink-options verbose: expected SINK.KEY=VALUE")
                .contains("--sink-options kafka.acks: the built-in kafka sink takes no options");
        assertThat(new JournalSource(home).runIds()).isEmpty();
    }
}

package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.core.plugins.PluginJars;
import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.events.RunFailed;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import adr.tracking.journal.JournalSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A plugin from the plugins directory that breaks while the run trains: one line naming it, and the run kept. */
class PluginFailureTest {

    @Test
    void aClusteringThatBreaksItsContractFailsTheRunInOneLineNamingItsJar(@TempDir Path home, @TempDir Path dir) {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY), "Fashion-MNIST not installed");
        Path plugins = dir.resolve("plugins");
        // the test plugin puts row r in cluster r % clusters: 100 clusters where H=6 allows at most 64
        Path jar = PluginJars.goodPlugin(plugins, "modulo.jar", "t.modulo", "modulo-plugin", "modulo");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("train", "--strategy", "fixed", "--policy", "all", "--clustering", "modulo",
                "--clustering-options", "clusters=100", "--L", "25", "--H", "6", "--train-limit", "128",
                "--test-limit", "200", "--plugins-dir", plugins.toString(), "--home", home.toString(),
                "--metrics-port", "0");

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        String message = "clustering modulo from plugin 'modulo-plugin' 1.2.3 (jar " + jar.toAbsolutePath()
                + ") broke its contract while clustering conv1 at {L=25, H=6}: it returned 100 clusters for group 0"
                + " of 50176 rows, where {L=25, H=6} allows 1..64; report it to the plugin's author, or choose"
                + " another --clustering";
        assertThat(err.toString()).isEqualTo("adr: " + message + System.lineSeparator());
        String runId = new JournalSource(home).runIds().get(0);
        List<Event> events = JournalReader.read(JournalLayout.journalFile(home, runId), w -> { });
        assertThat(events).extracting(Event::type).startsWith("RunStarted").contains("ReuseConfigChanged")
                .endsWith("RunFailed");
        RunFailed failed = new EventJson().payload(events.get(events.size() - 1), RunFailed.class);
        assertThat(failed.error()).isEqualTo("PluginFailedException");
        assertThat(failed.message()).isEqualTo(message);
    }
}

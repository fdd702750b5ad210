package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import adr.core.plugins.PluginJars;
import adr.spi.SpiVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code adr plugins} end to end, with plugin jars compiled at test time. */
class PluginsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aPluginBuiltForANewerMinorSpiIsListedWithANote() {
        Path dir = tmp.resolve("plugins");
        int newer = SpiVersion.MINOR + 1;
        var sources = new java.util.LinkedHashMap<>(PluginJars.plugin("later", "later-plugin", SpiVersion.MAJOR,
                "later-clusters"));
        sources.computeIfPresent("later.TestPlugin", (name, source) -> source.replace("new SpiVersion("
                + SpiVersion.MAJOR + ", 0)", "new SpiVersion(" + SpiVersion.MAJOR + ", " + newer + ")"));
        Path jar = PluginJars.jar(dir, "later.jar", sources, List.of("later.TestPlugin"));

        int code = run("plugins", "--plugins-dir", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("later-clusters").contains("note: plugin 'later-plugin' 1.2.3 (jar "
                + jar.toAbsolutePath() + ") was built for SPI " + SpiVersion.MAJOR + "." + newer + " and this ADR has "
                + SpiVersion.MAJOR + "." + SpiVersion.MINOR + ": it loads, but a call to what the newer SPI added"
                + " fails the run, naming both versions");
    }

    @Test
    void listsThePluginsOfADirectoryWithTheirJars() throws Exception {
        Path dir = tmp.resolve("plugins");
        Path jar = PluginJars.goodPlugin(dir, "demo.jar", "demo", "demo-plugin", "demo-clusters");
        Path json = tmp.resolve("plugins.json");

        int code = run("plugins", "--plugins-dir", dir.toString(), "--json", json.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("KIND").contains("SOURCE").containsPattern(
                "clustering +demo-clusters +demo-plugin 1\\.2\\.3 +" + java.util.regex.Pattern.quote(
                        jar.toAbsolutePath().toString()) + " +test clustering demo-clusters");
        JsonNode rows = new ObjectMapper().readTree(json.toFile());
        JsonNode row = null;
        for (JsonNode r : rows) {
            if (r.get("name").asText().equals("demo-clusters")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("kind").asText()).isEqualTo("clustering");
        assertThat(row.get("plugin_id").asText()).isEqualTo("demo-plugin");
        assertThat(row.get("plugin_version").asText()).isEqualTo("1.2.3");
        assertThat(row.get("source").asText()).isEqualTo(jar.toAbsolutePath().toString());
        assertThat(row.get("config_keys").get(0).get("name").asText()).isEqualTo("clusters");
        assertThat(row.get("config_keys").get(0).get("default").asLong()).isEqualTo(2);
    }

    @Test
    void namedPluginsAreShownWithTheirOptions() throws Exception {
        Path dir = tmp.resolve("plugins");
        Path jar = PluginJars.goodPlugin(dir, "demo.jar", "demo", "demo-plugin", "demo-clusters");

        int code = run("plugins", "demo-clusters", "exact", "--plugins-dir", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines().toList()).containsExactly(
                "demo-clusters (clustering), plugin demo-plugin 1.2.3 from " + jar.toAbsolutePath(),
                "  test clustering demo-clusters",
                "  OPTION    TYPE     DEFAULT  DESCRIPTION",
                "  clusters  integer        2  clusters per group",
                "exact (strategy), plugin adr-strategies 0.1.0 from classpath",
                "  no reuse: every convolution exact (the baseline)",
                "  no options");
    }

    @Test
    void jsonWithoutAFileGoesToStandardOutputInsteadOfTheTable() throws Exception {
        int code = run("plugins", "lsh", "--json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode rows = new ObjectMapper().readTree(out.toString());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("lsh");
        assertThat(rows.get(0).get("config_keys").get(0).get("name").asText()).isEqualTo("variant");
    }

    @Test
    void unknownNamesAndAPluginNameTakenAsTheJsonFileAreOneLine() {
        assertThat(run("plugins", "lsh", "nosuch", "nope")).isEqualTo(Main.USAGE_ERROR);
        assertThat(run("plugins", "--json", "lsh")).isEqualTo(Main.USAGE_ERROR);

        assertThat(err.toString().lines().toList()).containsExactly(
                "adr: no plugin named nosuch, nope; known: adaptive, all, auto, budget, exact, fixed, kmeans, layers,"
                        + " lsh, staged",
                "adr: --json lsh: lsh is a plugin's name, taken as the JSON file; put names first (./adr plugins lsh"
                        + " --json) or give --json a file name");
        assertThat(Path.of("lsh")).as("no file written in the working directory").doesNotExist();
    }

    @Test
    void loadingProblemsExitWithCodeTwoOneLineEach() {
        Path dir = tmp.resolve("plugins");
        Path empty = PluginJars.jar(dir, "empty.jar", PluginJars.plugin("e", "e", 1, "e"), List.of());
        Path future = PluginJars.jar(dir, "future.jar", PluginJars.plugin("f", "future", 99, "f"),
                List.of("f.TestPlugin"));

        int code = run("plugins", "--plugins-dir", dir.toString());

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().split("\n")).containsExactly(
                "adr: 2 plugin problems:",
                "  " + empty.toAbsolutePath() + " contains no adr.spi.Plugin provider; add"
                        + " META-INF/services/adr.spi.Plugin listing your Plugin class",
                "  plugin 'future' (jar " + future.toAbsolutePath() + ") was built for SPI 99.0, this ADR has SPI "
                        + SpiVersion.CURRENT + "; rebuild it against adr-spi " + SpiVersion.CURRENT);
        assertThat(err.toString()).doesNotContain("Exception");
        assertThat(out.toString()).as("what did load is listed").contains("classpath").contains("lsh");
    }

    @Test
    void aMissingPluginsDirectoryIsOneLine() {
        Path missing = tmp.resolve("nowhere");

        int code = run("plugins", "--plugins-dir", missing.toString());

        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip()).isEqualTo("adr: " + missing.toAbsolutePath()
                + ": plugins directory does not exist; create it or give an existing one");
    }
}

package adr.core.layering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md section 2, checked on the sources' import lines: the SPI
 * imports only the JDK; plugins import only the SPI and the JDK; the core never
 * imports Kafka or Prometheus; nothing imports another module's internal package.
 */
class LayeringTest {
    /** The repository root, from the core module's directory (where surefire runs). */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    private static List<String> violations(String module, Predicate<String> allowed) {
        Path sources = ROOT.resolve(module).resolve("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("import ")) {
                        String imported = trimmed.replace("import static ", "").replace("import ", "")
                                .replace(";", "");
                        if (!allowed.test(imported)) {
                            found.add(ROOT.relativize(file) + ": " + imported);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean jdk(String imported) {
        return imported.startsWith("java.") || imported.startsWith("javax.");
    }

    @Test
    void theSpiImportsOnlyTheJdk() {
        assertThat(violations("framework/spi", i -> jdk(i) || i.startsWith("adr.spi."))).isEmpty();
    }

    @Test
    void pluginsImportOnlyTheSpi() {
        for (String plugin : List.of("plugins/lsh", "plugins/kmeans", "plugins/strategies")) {
            String own = "adr.plugins." + plugin.substring("plugins/".length()) + ".";
            assertThat(violations(plugin, i -> jdk(i) || i.startsWith("adr.spi.") || i.startsWith(own)))
                    .as(plugin).isEmpty();
        }
    }

    @Test
    void theCoreNeverImportsKafkaOrPrometheusOrInternals() {
        assertThat(violations("framework/core", i -> !i.startsWith("org.apache.kafka")
                && !i.startsWith("io.prometheus") && !i.contains(".internal."))).isEmpty();
    }

    @Test
    void theCheckSeesTheSources() {
        // guards the tests above against passing on an empty tree
        assertThat(violations("framework/core", i -> false)).hasSizeGreaterThan(50);
        assertThat(violations("plugins/lsh", i -> false)).isNotEmpty();
    }
}

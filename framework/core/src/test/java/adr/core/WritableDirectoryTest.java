package adr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableDirectoryTest {

    @Test
    void aWritableDirectoryPassesAndKeepsNoProbe(@TempDir Path dir) throws Exception {
        assertThat(WritableDirectory.problem(dir)).isEmpty();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void procAndAMissingDirectoryAreNamedEvenForRoot(@TempDir Path dir) {
        assertThat(WritableDirectory.problem(dir.resolve("missing"))).hasValue("no such file or directory");
        // permission bits do not stop root; /proc refuses new files to everyone
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        assertThat(WritableDirectory.problem(Path.of("/proc"))).isPresent();
    }
}

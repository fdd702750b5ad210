package adr.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    @Test
    void aNewOrExistingFileInAWritableDirectoryPasses() throws Exception {
        assertThatCode(() -> OutputFile.requireWritable("--json", dir.resolve("new.json"))).doesNotThrowAnyException();
        Path existing = Files.writeString(dir.resolve("old.json"), "{}");
        assertThatCode(() -> OutputFile.requireWritable("--json", existing)).doesNotThrowAnyException();
        assertThatCode(() -> OutputFile.requireWritable("--json", null)).doesNotThrowAnyException();
    }

    @Test
    void aMissingDirectoryOrADirectoryIsRefusedNamingTheOption() {
        Path missing = dir.resolve("nowhere").resolve("x.json");
        assertThatThrownBy(() -> OutputFile.requireWritable("--json", missing)).hasMessage("--json " + missing
                + ": directory " + missing.getParent() + " does not exist; create it or pick another file");
        assertThatThrownBy(() -> OutputFile.requireWritable("--plot", dir))
                .hasMessage("--plot " + dir + ": is a directory; give a file name");
    }

    @Test
    void aDirectoryWhereNoFileCanBeCreatedIsRefusedEvenForRoot() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        assertThatThrownBy(() -> OutputFile.requireWritable("--json", Path.of("/proc/x.json")))
                .hasMessageStartingWith("--json /proc/x.json: no file can be created in /proc (")
                .hasMessageEndingWith("); pick another directory");
    }
}

package adr.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointOwnershipTest {
    @TempDir
    Path tmp;

    @Test
    void aFreshRunMayNotReplaceACheckpointItDoesNotStartFrom() {
        Path dir = tmp.resolve("ckpt");
        CheckpointStore.save(dir, Fixtures.trained("cifarnet", 7).capture());

        assertThatThrownBy(() -> CheckpointStore.requireNotAnothers(dir, null))
                .isInstanceOf(CheckpointException.class)
                .hasMessage(dir + ": holds another checkpoint (cifarnet, 3 epochs done, step 1234), which this run"
                        + " would replace; choose another --checkpoint-dir, continue from it with --resume-from "
                        + dir + ", or delete it first");
        assertThatThrownBy(() -> CheckpointStore.requireNotAnothers(dir, tmp.resolve("elsewhere")))
                .isInstanceOf(CheckpointException.class);
    }

    @Test
    void aRunThatStartsFromTheCheckpointMayReplaceIt() throws Exception {
        Path dir = tmp.resolve("ckpt");
        CheckpointStore.save(dir, Fixtures.trained("cifarnet", 7).capture());
        Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);

        assertThatCode(() -> CheckpointStore.requireNotAnothers(dir, dir)).doesNotThrowAnyException();
        assertThatCode(() -> CheckpointStore.requireNotAnothers(dir, tmp.resolve("x/../ckpt")))
                .doesNotThrowAnyException();
        assertThatCode(() -> CheckpointStore.requireNotAnothers(dir, link)).doesNotThrowAnyException();
    }

    @Test
    void aNewOrEmptyDirectoryIsFree() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));

        assertThatCode(() -> CheckpointStore.requireNotAnothers(tmp.resolve("new"), null)).doesNotThrowAnyException();
        assertThatCode(() -> CheckpointStore.requireNotAnothers(empty, null)).doesNotThrowAnyException();
    }
}

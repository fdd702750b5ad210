package adr.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.core.checkpoint.Fixtures.Trained;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class CheckpointCorruptionTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;
    Path dir;

    // Saved once; each test damages its own copy.
    @BeforeAll
    static void saveOnce() {
        CheckpointStore.save(shared.resolve("ckpt"), Fixtures.trained("cifarnet", 7).capture());
    }

    @BeforeEach
    void copy() throws Exception {
        dir = Files.createDirectory(tmp.resolve("ckpt"));
        for (String file : new String[] {"manifest.json", "tensors.bin"}) {
            Files.copy(shared.resolve("ckpt").resolve(file), dir.resolve(file));
        }
    }

    @Test
    void aFlippedByteNamesTheTensor() throws Exception {
        JsonNode conv2 = tensor("conv2.weight");
        try (var f = new RandomAccessFile(dir.resolve("tensors.bin").toFile(), "rw")) {
            long at = conv2.get("byteOffset").asLong() + 17;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }

        assertThatThrownBy(() -> CheckpointStore.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessage(dir.resolve("tensors.bin") + ": checksum mismatch for conv2.weight;"
                        + " the checkpoint is corrupt, use an earlier one");
    }

    @Test
    void aMissingManifestAsksWhetherThisIsACheckpoint() throws Exception {
        Files.delete(dir.resolve("manifest.json"));

        assertThatThrownBy(() -> CheckpointStore.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessage(dir.resolve("manifest.json") + " not found; is " + dir
                        + " a checkpoint directory written by 'adr train --checkpoint-dir'?");
    }

    @Test
    void aMissingDirectoryOrAFileIsNamedAsSuch() throws Exception {
        Path missing = tmp.resolve("nowhere");
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> CheckpointStore.load(missing)).isInstanceOf(CheckpointException.class)
                .hasMessage(missing + ": no such directory; pass a checkpoint directory written by"
                        + " 'adr train --checkpoint-dir'");
        assertThatThrownBy(() -> CheckpointStore.load(file)).isInstanceOf(CheckpointException.class)
                .hasMessage(file + ": is a file; pass the checkpoint directory written by 'adr train"
                        + " --checkpoint-dir' (it holds manifest.json)");
    }

    @Test
    void aTruncatedTensorFileNamesWhereItEnds() throws Exception {
        long cut = tensor("fc1.weight").get("byteOffset").asLong() + 1000;
        try (var f = new RandomAccessFile(dir.resolve("tensors.bin").toFile(), "rw")) {
            f.setLength(cut);
        }

        assertThatThrownBy(() -> CheckpointStore.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith(dir.resolve("tensors.bin") + ": ends at byte " + cut + ", inside fc1.weight")
                .hasMessageEndingWith("the checkpoint is truncated, use an earlier one");
    }

    @Test
    void aManifestThatIsNotJsonIsReportedOnOneLine() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"formatVersion\": 1,\n \"model\": ");

        assertThatThrownBy(() -> CheckpointStore.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith(dir.resolve("manifest.json") + ": is not valid JSON")
                .hasMessageEndingWith("the checkpoint is corrupt, use an earlier one")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aNewerFormatSaysWhichReleaseToUse() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest,
                Files.readString(manifest).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));

        assertThatThrownBy(() -> CheckpointStore.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessage(manifest + ": has format version 2 but this ADR reads 1;"
                        + " use the ADR release that wrote the checkpoint");
    }

    @Test
    void restoringIntoADifferentModelNamesTheParameterAndBothShapesAndChangesNothing() {
        Trained vgg = Fixtures.model("vgg-small", 7);
        INDArray before = vgg.net().parameters().get(0).value().dup();
        Checkpoint c = CheckpointStore.load(dir);

        assertThatThrownBy(() -> c.restoreInto(vgg.net(), vgg.opt())).isInstanceOf(CheckpointException.class)
                .hasMessage("checkpoint of model cifarnet [1, 28, 28] does not fit network vgg-small [1, 28, 28]:"
                        + " parameter conv1.weight has shape [64, 1, 5, 5] in the checkpoint but [64, 1, 3, 3]"
                        + " in the network; restore with the model and input shape the checkpoint was written with");
        assertThat(vgg.net().parameters().get(0).value()).isEqualTo(before);
    }

    @Test
    void restoringIntoANetworkWithExtraParametersNamesTheMissingOne() {
        Trained t = Fixtures.trained("cifarnet", 7);
        Checkpoint full = CheckpointStore.load(dir);
        var fewer = new java.util.LinkedHashMap<>(full.parameters());
        fewer.remove("fc2.bias");
        Checkpoint partial = new Checkpoint(full.model(), full.inputShape(), full.classes(), full.seed(),
                full.progress(), full.config(), fewer, full.optimizerState());

        assertThatThrownBy(() -> partial.restoreInto(t.net(), t.opt())).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(": the checkpoint has no parameter fc2.bias;");
    }

    private JsonNode tensor(String name) throws Exception {
        for (JsonNode t : new ObjectMapper().readTree(dir.resolve("manifest.json").toFile()).get("tensors")) {
            if (t.get("name").asText().equals(name) && t.get("group").asText().equals("parameter")) {
                return t;
            }
        }
        throw new AssertionError("no tensor " + name);
    }
}

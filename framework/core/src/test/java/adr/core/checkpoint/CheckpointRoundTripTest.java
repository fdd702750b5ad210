package adr.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.core.checkpoint.Fixtures.Trained;
import adr.core.train.TrainingProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void restoredNetworkPredictsExactlyLikeTheSavedOne() {
        Trained original = Fixtures.trained("cifarnet", 7);
        Path dir = tmp.resolve("ckpt");
        CheckpointStore.save(dir, original.capture());

        Trained other = Fixtures.model("cifarnet", 8);
        INDArray x = Fixtures.batch();
        INDArray expected = original.net().forward(x, false);
        assertThat(other.net().forward(x, false)).isNotEqualTo(expected);

        CheckpointStore.load(dir).restoreInto(other.net(), other.opt());

        INDArray actual = other.net().forward(x, false);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.toFloatMatrix()).isDeepEqualTo(expected.toFloatMatrix());
        assertThat(other.opt().state().keySet()).containsExactlyElementsOf(original.opt().state().keySet());
        original.opt().state().forEach((name, v) -> {
            assertThat(v.sumNumber().doubleValue()).as(name).isNotZero();
            assertThat(bits(other.opt().state().get(name))).as(name).isEqualTo(bits(v));
        });
    }

    @Test
    void loadKeepsMetadataTypesAndOrder() {
        Trained t = Fixtures.trained("cifarnet", 7);
        Path dir = tmp.resolve("ckpt");
        CheckpointStore.save(dir, t.capture());

        Checkpoint c = CheckpointStore.load(dir);

        assertThat(c.model()).isEqualTo("cifarnet");
        assertThat(c.inputShape()).containsExactly(1, 28, 28);
        assertThat(c.classes()).isEqualTo(10);
        assertThat(c.seed()).isEqualTo(7);
        assertThat(c.progress()).isEqualTo(new TrainingProgress(3, 1234));
        assertThat(c.config()).isEqualTo(Map.of("model", "cifarnet", "lr", "0.01"));
        assertThat(c.parameters().keySet()).containsExactly("conv1.weight", "conv1.bias", "conv2.weight",
                "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias");
        assertThat(c.parameters().values()).allMatch(a -> a.dataType() == DataType.FLOAT);
        assertThat(c).isEqualTo(t.capture());
    }

    @Test
    void doublesAndScalarsSurviveExactly() {
        INDArray d = Nd4j.createFromArray(Math.PI, -0.0, Double.MIN_VALUE, 1e300, 5, 6).reshape('c', 2, 3);
        INDArray f = Nd4j.createFromArray(1.5f, Float.NaN, -3f, 4f).reshape('c', 2, 2).transpose(); // an f-order view
        Checkpoint c = new Checkpoint("m", new long[] {1}, 2, 3, TrainingProgress.START, Map.of(),
                Map.of("d", d, "f", f), Map.of("s", Nd4j.scalar(2.5)));
        Path dir = tmp.resolve("ckpt");
        CheckpointStore.save(dir, c);

        Checkpoint back = CheckpointStore.load(dir);

        assertThat(back.parameters().get("d").dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(back.parameters().get("d").shape()).containsExactly(2, 3);
        assertThat(java.util.Arrays.equals(back.parameters().get("d").toDoubleMatrix()[0], d.toDoubleMatrix()[0]))
                .as("-0.0 and denormals kept").isTrue();
        assertThat(back.parameters().get("d").toDoubleMatrix()[1]).containsExactly(1e300, 5, 6);
        assertThat(bits(back.parameters().get("f"))).isEqualTo(bits(f)); // bit for bit, NaN included
        assertThat(back.optimizerState().get("s").rank()).isZero();
        assertThat(back.optimizerState().get("s").getDouble(0)).isEqualTo(2.5);
    }

    @Test
    void captureIsASnapshotUnaffectedByLaterSteps() {
        Trained t = Fixtures.trained("cifarnet", 7);
        Checkpoint before = t.capture();
        double w = before.parameters().get("fc3.weight").getDouble(0);
        t.opt().step(0.5);
        assertThat(before.parameters().get("fc3.weight").getDouble(0)).isEqualTo(w);
        assertThat(t.net().parameters().get(8).value().getDouble(0)).isNotEqualTo(w);
    }

    @Test
    void saveReplacesAnExistingCheckpointAndLeavesNothingBehind() throws Exception {
        Trained t = Fixtures.trained("cifarnet", 7);
        Path dir = tmp.resolve("ckpt");
        CheckpointStore.save(dir, t.capture());
        t.opt().step(0.01);
        Checkpoint second = Checkpoint.capture(t.net(), t.opt(), 10, 7, new TrainingProgress(4, 2000), Map.of());

        CheckpointStore.save(dir, second);

        assertThat(CheckpointStore.load(dir).progress()).isEqualTo(new TrainingProgress(4, 2000));
        assertThat(CheckpointStore.load(dir)).isEqualTo(second);
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("ckpt");
        }
    }

    @Test
    void loadFallsBackToThePreviousCheckpointWhenASaveCrashedBetweenItsRenames() throws Exception {
        Trained t = Fixtures.trained("cifarnet", 7);
        Path dir = tmp.resolve("ckpt");
        CheckpointStore.save(dir, t.capture());
        Files.move(dir, CheckpointStore.previousOf(dir)); // the state after the first rename
        Files.createDirectory(tmp.resolve(".ckpt.staging-123")); // a half-written staging directory

        assertThat(CheckpointStore.load(dir)).isEqualTo(t.capture());

        CheckpointStore.save(dir, t.capture());
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("ckpt");
        }
    }

    @Test
    void saveRefusesToReplaceADirectoryThatIsNotACheckpoint() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> CheckpointStore.save(dir, Fixtures.trained("cifarnet", 7).capture()))
                .isInstanceOf(CheckpointException.class)
                .hasMessage(dir + ": holds files that are not part of a checkpoint ([notes.txt]);"
                        + " choose a new or empty directory for checkpoints");
        assertThat(dir.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void aDirectorySaveWouldRefuseIsRefusedUpFront() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "keep me");
        Path foreign = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(foreign.resolve("a.csv"), "1");

        assertThatThrownBy(() -> CheckpointStore.requireUsable(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("exists and is not a directory");
        assertThatThrownBy(() -> CheckpointStore.requireUsable(file.resolve("ckpt/epoch")))
                .hasMessage(file.resolve("ckpt/epoch") + ": lies below " + file
                        + ", which is a file; choose a new or empty directory for checkpoints");
        assertThatThrownBy(() -> CheckpointStore.requireUsable(foreign)).hasMessageContaining("[a.csv]");
        if (Files.isDirectory(Path.of("/proc/self"))) { // no file can be created there, even by root
            assertThatThrownBy(() -> CheckpointStore.requireUsable(Path.of("/proc/adr-ckpt")))
                    .hasMessageStartingWith("/proc/adr-ckpt: no file can be created in /proc (")
                    .hasMessageEndingWith("); choose a writable directory for checkpoints");
        }
        CheckpointStore.requireUsable(tmp.resolve("new/ckpt"));
        assertThat(tmp.resolve("new")).as("nothing created").doesNotExist();
        Path saved = tmp.resolve("ckpt");
        CheckpointStore.save(saved, Fixtures.trained("cifarnet", 7).capture());
        CheckpointStore.requireUsable(saved);
    }

    private static int[] bits(INDArray a) {
        float[] v = a.dup('c').reshape(a.length()).toFloatVector();
        int[] bits = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            bits[i] = Float.floatToRawIntBits(v[i]);
        }
        return bits;
    }
}

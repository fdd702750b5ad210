package adr.core.checkpoint;

import adr.core.WritableDirectory;
import adr.core.train.TrainingProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes and reads checkpoint directories: {@code manifest.json} plus {@code tensors.bin}.
 *
 * <p>Crash safety: a checkpoint is written complete (and fsynced) into a sibling staging
 * directory {@code .<name>.staging-*}, then swapped in with two atomic renames: the old
 * checkpoint to {@code .<name>.previous}, the new one to {@code <name>}. POSIX rename
 * cannot replace a non-empty directory, hence the two steps. A crash between them
 * leaves no {@code <name>} but a complete {@code .<name>.previous}, which {@link #load}
 * falls back to; at no point is a half-written checkpoint visible under {@code <name>}.
 * One writer per checkpoint directory is assumed: stale staging directories from an
 * earlier crash are deleted by the next save.
 */
public final class CheckpointStore {
    static final String MANIFEST = "manifest.json";
    static final String TENSORS = "tensors.bin";

    private CheckpointStore() {
    }

    /** Writes {@code c} to {@code dir}, replacing the checkpoint there only once the new one is complete. */
    public static void save(Path dir, Checkpoint c) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new CheckpointException(target, "cannot hold a checkpoint; choose a directory below it");
        }
        requireReplaceable(target);
        requireStorableTypes(target, c);
        Path staging = null;
        try {
            Files.createDirectories(parent);
            deleteStaleStaging(parent, target.getFileName().toString());
            staging = Files.createTempDirectory(parent, stagingPrefix(target));
            write(staging, c);
            swapIn(staging, target, previousOf(target));
        } catch (IOException | UncheckedIOException e) {
            throw new CheckpointException(target, "cannot write checkpoint (" + e.getMessage()
                    + "); check that the directory is writable and the disk has space", e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /**
     * Refuses a directory {@link #save} would refuse, before any training: a file, a
     * directory of other files, a path below a file, or one below a directory where no file
     * can be created. Leaves nothing behind (the write probe is deleted).
     */
    public static void requireUsable(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        requireReplaceable(target);
        Path ancestor = target.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor != null && !Files.isDirectory(ancestor)) {
            throw new CheckpointException(target, "lies below " + ancestor
                    + ", which is a file; choose a new or empty directory for checkpoints");
        }
        Path writable = ancestor;
        if (writable != null) {
            WritableDirectory.problem(writable).ifPresent(problem -> {
                throw new CheckpointException(target, "no file can be created in " + writable + " (" + problem
                        + "); choose a writable directory for checkpoints");
            });
        }
    }

    /**
     * Refuses a run that would replace a checkpoint it does not start from. Two runs given
     * one {@code --checkpoint-dir} left the first with the second's weights: its resume, and
     * the {@code --resume-from} its summary suggests, continued a different training.
     *
     * @param startFrom the checkpoint the run starts from; null for a fresh run
     */
    public static void requireNotAnothers(Path dir, Path startFrom) {
        Path target = dir.toAbsolutePath().normalize();
        if (!exists(target) || startFrom != null && sameDirectory(target, startFrom)) {
            return;
        }
        throw new CheckpointException(target, "holds another checkpoint (" + describe(target) + "), which this run"
                + " would replace; choose another --checkpoint-dir, continue from it with --resume-from " + target
                + ", or delete it first");
    }

    private static boolean sameDirectory(Path target, Path other) {
        Path normalized = other.toAbsolutePath().normalize();
        try {
            return normalized.equals(target) || Files.exists(normalized) && Files.isSameFile(normalized, target);
        } catch (IOException e) {
            return false;
        }
    }

    /** What a checkpoint holds, from its manifest alone: {@code cifarnet, 1 epoch done, step 10}. */
    private static String describe(Path dir) {
        Path manifest = Files.isRegularFile(dir.resolve(MANIFEST)) ? dir.resolve(MANIFEST)
                : previousOf(dir).resolve(MANIFEST);
        try {
            Manifest m = Manifest.read(manifest, dir);
            return m.model() + ", " + m.epochsDone() + (m.epochsDone() == 1 ? " epoch" : " epochs") + " done, step "
                    + m.globalStep();
        } catch (CheckpointException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** True when {@code dir} holds a checkpoint {@link #load} can read (or the complete previous one). */
    public static boolean exists(Path dir) {
        Path source = dir.toAbsolutePath().normalize();
        return Files.isRegularFile(source.resolve(MANIFEST))
                || Files.isRegularFile(previousOf(source).resolve(MANIFEST));
    }

    /**
     * Reads the checkpoint in {@code dir}, verifying every tensor's length and checksum.
     *
     * @throws CheckpointException naming the file and the fix if anything is missing or corrupt
     */
    public static Checkpoint load(Path dir) {
        Path source = dir.toAbsolutePath().normalize();
        Path previous = previousOf(source);
        if (!Files.exists(source) && Files.isRegularFile(previous.resolve(MANIFEST))) {
            source = previous; // a save crashed between its two renames; this is the last complete checkpoint
        }
        requireDirectory(source);
        Manifest m = Manifest.read(source.resolve(MANIFEST), source);
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        Map<String, INDArray> optimizer = new LinkedHashMap<>();
        Path data = source.resolve(TENSORS);
        try (FileChannel in = FileChannel.open(data, StandardOpenOption.READ)) {
            requireLength(data, in.size(), m);
            for (Manifest.Entry e : m.tensors()) {
                byte[] bytes = readFully(in, e.byteOffset(), (int) e.byteLength());
                if (!TensorCodec.sha256(bytes).equals(e.sha256())) {
                    throw Manifest.corrupt(data, "checksum mismatch for " + e.name());
                }
                var target = e.group().equals(Manifest.PARAMETER) ? parameters : optimizer;
                if (target.put(e.name(),
                        TensorCodec.decode(bytes, TensorCodec.dataType(e.dtype()), e.shape())) != null) {
                    throw Manifest.corrupt(source.resolve(MANIFEST), "lists " + e.group() + " " + e.name() + " twice");
                }
            }
        } catch (NoSuchFileException e) {
            throw new CheckpointException(data + " not found; the checkpoint is incomplete, use an earlier one");
        } catch (IOException e) {
            throw new CheckpointException(data, "cannot be read (" + e + "); check its permissions", e);
        }
        return new Checkpoint(m.model(), m.inputShape(), m.classes(), m.seed(),
                new TrainingProgress(m.epochsDone(), m.globalStep()), m.config(), parameters, optimizer);
    }

    private static void write(Path dir, Checkpoint c) throws IOException {
        List<Manifest.Entry> entries = new ArrayList<>();
        try (FileChannel out = FileChannel.open(dir.resolve(TENSORS), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            writeGroup(out, Manifest.PARAMETER, c.parameters(), entries);
            writeGroup(out, Manifest.OPTIMIZER, c.optimizerState(), entries);
            out.force(true);
        }
        // The manifest goes last: a staging directory with a manifest has all its tensors.
        Manifest m = new Manifest(Manifest.FORMAT_VERSION, c.model(), c.inputShape(), c.classes(), c.seed(),
                c.progress().epochsDone(), c.progress().globalStep(), c.config(), entries);
        Path manifest = dir.resolve(MANIFEST);
        m.write(manifest);
        try (FileChannel f = FileChannel.open(manifest, StandardOpenOption.WRITE)) {
            f.force(true);
        }
    }

    private static void writeGroup(FileChannel out, String group, Map<String, INDArray> tensors,
            List<Manifest.Entry> entries) throws IOException {
        for (var t : tensors.entrySet()) {
            byte[] bytes = TensorCodec.encode(t.getValue());
            long offset = out.position();
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            entries.add(new Manifest.Entry(t.getKey(), group, t.getValue().dataType().name(), t.getValue().shape(),
                    offset, bytes.length, TensorCodec.sha256(bytes)));
        }
    }

    private static void swapIn(Path staging, Path target, Path previous) throws IOException {
        if (Files.exists(target)) {
            deleteRecursively(previous); // left by an earlier crash; target is newer and complete
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        deleteRecursively(previous);
    }

    /** Refuses to replace anything but a checkpoint or an empty directory: save must never delete user files. */
    private static void requireReplaceable(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new CheckpointException(target,
                    "exists and is not a directory; choose a new or empty directory for checkpoints");
        }
        try (var entries = Files.list(target)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(n -> !Set.of(MANIFEST, TENSORS).contains(n)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new CheckpointException(target, "holds files that are not part of a checkpoint (" + foreign
                        + "); choose a new or empty directory for checkpoints");
            }
        } catch (IOException e) {
            throw new CheckpointException(target, "cannot be listed (" + e + "); check its permissions", e);
        }
    }

    private static void requireStorableTypes(Path target, Checkpoint c) {
        for (var group : List.of(c.parameters(), c.optimizerState())) {
            for (var t : group.entrySet()) {
                try {
                    TensorCodec.dataType(t.getValue().dataType().name());
                } catch (IllegalArgumentException e) {
                    throw new CheckpointException(target, "cannot store " + t.getKey() + ": " + e.getMessage()
                            + "; train in FLOAT or DOUBLE to checkpoint");
                }
            }
        }
    }

    private static void requireLength(Path data, long size, Manifest m) {
        for (Manifest.Entry e : m.tensors()) {
            if (e.byteOffset() + e.byteLength() > size) {
                throw new CheckpointException(data, "ends at byte " + size + ", inside " + e.name() + " (bytes "
                        + e.byteOffset() + " to " + (e.byteOffset() + e.byteLength())
                        + "); the checkpoint is truncated, use an earlier one");
            }
        }
        if (size != m.dataLength()) {
            throw Manifest.corrupt(data, "has " + (size - m.dataLength())
                    + " bytes beyond the tensors the manifest lists");
        }
    }

    private static byte[] readFully(FileChannel in, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.array();
    }

    static Path previousOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".previous");
    }

    private static String stagingPrefix(Path target) {
        return "." + target.getFileName() + ".staging-";
    }

    private static void deleteStaleStaging(Path parent, String name) throws IOException {
        try (var siblings = Files.list(parent)) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith("." + name + ".staging-"))
                    .toList()) {
                deleteRecursively(p);
            }
        }
    }

    /** Makes the renames durable; directories cannot be opened for sync on every OS, so this is best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not supported here (e.g. Windows); the rename itself is still atomic.
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteRecursively(root);
        } catch (IOException e) {
            // Leftover staging is removed by the next save.
        }
    }

    private static void requireDirectory(Path source) {
        if (Files.isRegularFile(source)) {
            throw new CheckpointException(source, "is a file; pass the checkpoint directory written by"
                    + " 'adr train --checkpoint-dir' (it holds " + MANIFEST + ")");
        }
        if (!Files.exists(source)) {
            throw new CheckpointException(source, "no such directory; pass a checkpoint directory written by"
                    + " 'adr train --checkpoint-dir'");
        }
    }
}

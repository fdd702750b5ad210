package adr.core.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a checkpoint directory: what was trained and where each
 * tensor sits in {@code tensors.bin}, with a SHA-256 of its bytes.
 *
 * <p>Tensors are listed in file order and packed without gaps, which lets {@link #check}
 * catch overlapping, missing or reordered entries with one running offset.
 */
record Manifest(int formatVersion, String model, long[] inputShape, int classes, long seed, int epochsDone,
        long globalStep, Map<String, String> config, List<Entry> tensors) {

    static final int FORMAT_VERSION = 1;
    static final String PARAMETER = "parameter";
    static final String OPTIMIZER = "optimizer";

    /** One tensor: {@code byteLength} bytes at {@code byteOffset}, little-endian, c-order. */
    record Entry(String name, String group, String dtype, long[] shape, long byteOffset, long byteLength,
            String sha256) {
    }

    // Readers and writers are immutable, so sharing them keeps no mutable static state.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

    void write(Path file) throws IOException {
        Files.write(file, WRITER.writeValueAsBytes(this));
    }

    /** Reads and checks a manifest; {@code dir} is the checkpoint directory, for messages. */
    static Manifest read(Path file, Path dir) {
        JsonNode tree;
        try {
            tree = READER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file.toAbsolutePath() + " not found; is " + dir.toAbsolutePath()
                    + " a checkpoint directory written by 'adr train --checkpoint-dir'?");
        } catch (JsonProcessingException e) {
            throw corrupt(file, "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read (" + e + "); check its permissions", e);
        }
        // Check the version before binding, so a newer format says so instead of failing on a field.
        JsonNode version = tree == null ? null : tree.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw corrupt(file, "has no formatVersion");
        }
        if (version.intValue() != FORMAT_VERSION) {
            throw new CheckpointException(file, "has format version " + version.intValue() + " but this ADR reads "
                    + FORMAT_VERSION + "; use the ADR release that wrote the checkpoint");
        }
        Manifest m;
        try {
            m = READER.treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException e) {
            throw corrupt(file, "is not a checkpoint manifest (" + e.getOriginalMessage() + ")");
        }
        m.check(file);
        return m;
    }

    /** The number of bytes {@code tensors.bin} must have. */
    long dataLength() {
        return tensors.isEmpty() ? 0 : tensors.get(tensors.size() - 1).byteOffset()
                + tensors.get(tensors.size() - 1).byteLength();
    }

    private void check(Path file) {
        long offset = 0;
        for (Entry e : tensors) {
            if (e == null || e.name() == null || e.group() == null || e.dtype() == null || e.shape() == null
                    || e.sha256() == null) {
                throw corrupt(file, "has a tensor entry with missing fields");
            }
            if (!e.group().equals(PARAMETER) && !e.group().equals(OPTIMIZER)) {
                throw corrupt(file, "lists " + e.name() + " in unknown group '" + e.group() + "'");
            }
            int width;
            try {
                width = TensorCodec.width(TensorCodec.dataType(e.dtype()));
            } catch (IllegalArgumentException ex) {
                throw corrupt(file, "lists " + e.name() + " with " + ex.getMessage());
            }
            long elements = 1;
            for (long d : e.shape()) {
                if (d < 0) {
                    throw corrupt(file, "lists " + e.name() + " with a negative dimension");
                }
                elements = Math.multiplyExact(elements, d);
            }
            if (e.byteLength() != elements * width) {
                throw corrupt(file, "lists " + e.name() + " with " + e.byteLength() + " bytes but its shape "
                        + java.util.Arrays.toString(e.shape()) + " of " + e.dtype() + " needs " + elements * width);
            }
            if (e.byteOffset() != offset) {
                throw corrupt(file, "lists " + e.name() + " at byte " + e.byteOffset()
                        + " but the previous tensor ends at " + offset);
            }
            offset += e.byteLength();
        }
    }

    static CheckpointException corrupt(Path file, String problem) {
        return new CheckpointException(file, problem + "; the checkpoint is corrupt, use an earlier one");
    }
}

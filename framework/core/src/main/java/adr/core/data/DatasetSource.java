package adr.core.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a run's images come from, as given on the command line ({@code --dataset}).
 *
 * <p>Three forms: {@code fashion-mnist} (Debian's {@code dataset-fashion-mnist} package),
 * {@code idx:DIR} (any directory with the four MNIST-style IDX files, gzip or not) and
 * {@code cifar10:DIR} (the extracted CIFAR-10 binary version). {@link #describe()} gives
 * back the spec, so it can be recorded with a run and parsed again.
 */
public record DatasetSource(Kind kind, Path directory) {

    /** The dataset families this source understands. */
    public enum Kind { FASHION_MNIST, IDX, CIFAR10 }

    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path FASHION_MNIST_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    /** Class count of every IDX dataset read here: the MNIST family (MNIST, Fashion-MNIST, KMNIST) has 10. */
    static final int IDX_CLASSES = 10;

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final List<String> IDX_FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    private static final String FORMS = "use one of: fashion-mnist, idx:DIR, cifar10:DIR";

    public DatasetSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(directory, "directory");
    }

    /** Parses {@code fashion-mnist}, {@code idx:DIR} or {@code cifar10:DIR}. */
    public static DatasetSource parse(String spec) {
        String trimmed = spec == null ? "" : spec.strip();
        if (trimmed.equals("fashion-mnist")) {
            return new DatasetSource(Kind.FASHION_MNIST, FASHION_MNIST_DIRECTORY);
        }
        if (trimmed.startsWith("idx:")) {
            return new DatasetSource(Kind.IDX, directory(trimmed, "idx:".length()));
        }
        if (trimmed.startsWith("cifar10:")) {
            return new DatasetSource(Kind.CIFAR10, directory(trimmed, "cifar10:".length()));
        }
        throw new DataException("unknown dataset '" + trimmed + "'; " + FORMS);
    }

    private static Path directory(String spec, int prefixLength) {
        String dir = spec.substring(prefixLength).strip();
        if (dir.isEmpty()) {
            throw new DataException("dataset '" + spec + "' names no directory; " + FORMS);
        }
        try {
            return Path.of(dir);
        } catch (InvalidPathException e) {
            throw new DataException("dataset '" + spec + "' has an invalid directory ("
                    + e.getMessage() + "); " + FORMS);
        }
    }

    /** The spec this source was parsed from, e.g. {@code fashion-mnist} or {@code idx:/data/mnist}. */
    public String describe() {
        return switch (kind) {
            case FASHION_MNIST -> directory.equals(FASHION_MNIST_DIRECTORY)
                    ? "fashion-mnist" : "fashion-mnist (" + directory + ")";
            case IDX -> "idx:" + directory;
            case CIFAR10 -> "cifar10:" + directory;
        };
    }

    /** Reads both splits; every failure is a one-line {@link DataException}. */
    public DatasetSplits load() {
        return switch (kind) {
            case FASHION_MNIST, IDX -> loadIdx();
            case CIFAR10 -> Cifar10Reader.read(directory, describe());
        };
    }

    private DatasetSplits loadIdx() {
        List<Path> found = idxFiles();
        Dataset train = IdxReader.read(describe() + " train", found.get(0), found.get(1), IDX_CLASSES);
        Dataset test = IdxReader.read(describe() + " test", found.get(2), found.get(3), IDX_CLASSES);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new DataException(found.get(2), "holds " + test.height() + "x" + test.width()
                    + " images but the training images are " + train.height() + "x" + train.width()
                    + "; use train and t10k files of the same dataset");
        }
        return new DatasetSplits(train, test);
    }

    /** The four IDX files in {@link #IDX_FILES} order; a one-line error naming every one missing. */
    private List<Path> idxFiles() {
        if (!Files.isDirectory(directory)) {
            throw new DataException(directory, kind == Kind.FASHION_MNIST
                    ? "not found; install it with: apt-get install dataset-fashion-mnist (or pass --dataset idx:DIR)"
                    : DataException.notADirectory(directory) + "; pass --dataset idx:DIR with a directory holding "
                            + expectedIdxFiles());
        }
        List<String> missing = new ArrayList<>();
        List<Path> found = new ArrayList<>();
        for (String name : IDX_FILES) {
            Path file = idxFile(name);
            if (file == null) {
                missing.add(name + "[.gz]");
            }
            found.add(file);
        }
        if (!missing.isEmpty()) {
            String fix = kind == Kind.FASHION_MNIST
                    ? "; reinstall with: apt-get install --reinstall dataset-fashion-mnist (or pass --dataset idx:DIR)"
                    : "";
            String what = missing.size() == IDX_FILES.size() ? "holds none of the dataset's files"
                    : "missing " + String.join(", ", missing);
            throw new DataException(directory, what + "; expected " + expectedIdxFiles() + fix);
        }
        return found;
    }

    /** The gzip file if present, else the uncompressed one, else null. */
    private Path idxFile(String name) {
        Path gz = directory.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = directory.resolve(name);
        return Files.isRegularFile(raw) ? raw : null;
    }

    private static String expectedIdxFiles() {
        return String.join(", ", IDX_FILES.stream().map(name -> name + "[.gz]").toList());
    }
}

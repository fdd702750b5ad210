package adr.spi.clustering;

import java.nio.FloatBuffer;
import java.util.Random;

/**
 * {@link SubVectors} over a plain array, for tests: {@code data} is {@code [g][r][j]}
 * row-major. {@link #project} is the plain-Java reference of the engine's batched
 * native product (accumulated in double, rounded to float once).
 *
 * <p>Fixtures: {@link #random} (independent Gaussian values, no structure) and
 * {@link #blobs} (tight clusters around known centers, so an exact reference exists).
 * Seeds go through {@link java.util.Random}, whose sequence the JDK specifies, so a
 * fixture is the same on every JVM.
 */
public final class ArraySubVectors implements SubVectors {
    private final int groups;
    private final int rows;
    private final int length;
    private final float[] data;
    /** The blob centers ({@code groups x centers x length}) for a blobs fixture, else null. */
    private final ArraySubVectors centers;
    private int projectCalls;

    public ArraySubVectors(int groups, int rows, int length, float[] data) {
        this(groups, rows, length, data, null);
    }

    private ArraySubVectors(int groups, int rows, int length, float[] data, ArraySubVectors centers) {
        if (groups < 0 || rows < 0 || length < 1) {
            throw new IllegalArgumentException("bad shape " + groups + " x " + rows + " x " + length);
        }
        if (data.length != (long) groups * rows * length) {
            throw new IllegalArgumentException("expected " + (long) groups * rows * length
                    + " floats for " + groups + " x " + rows + " x " + length + ", got " + data.length);
        }
        this.groups = groups;
        this.rows = rows;
        this.length = length;
        this.data = data;
        this.centers = centers;
    }

    /** Independent N(0, 1) values. */
    public static ArraySubVectors random(int groups, int rows, int length, long seed) {
        Random random = new Random(seed);
        float[] data = new float[groups * rows * length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new ArraySubVectors(groups, rows, length, data);
    }

    /**
     * Rows drawn around {@code centers} random centers per group. Each center has a random
     * direction and a norm log-uniform in [0.5, 4]; centers are at least
     * {@code max(0.25, 10 * spread)} times the larger norm apart (rejection sampling), so
     * noise balls never overlap. When there are at least 3 centers the last one is twice
     * the first ({@code c} and {@code 2c}): only an algorithm that sees magnitude
     * separates them. A row is its center plus Gaussian noise of per-coordinate std
     * {@code spread * ||c|| / sqrt(L)}, so {@code ||noise|| ~ spread * ||c||}: assigning
     * every row to its true center has a mean relative error of about {@code spread}.
     * Each row picks its center uniformly at random. {@link #centers()} returns the centers.
     */
    public static ArraySubVectors blobs(int groups, int rows, int length, int centers, double spread, long seed) {
        if (centers < 1 || spread < 0) {
            throw new IllegalArgumentException("need centers >= 1 and spread >= 0");
        }
        Random random = new Random(seed);
        float[] middles = new float[groups * centers * length];
        float[] data = new float[groups * rows * length];
        double separation = Math.max(0.25, 10 * spread);
        for (int g = 0; g < groups; g++) {
            int base = g * centers * length;
            for (int c = 0; c < centers; c++) {
                placeCenter(middles, base, c, centers, length, separation, random);
            }
            for (int r = 0; r < rows; r++) {
                int c = random.nextInt(centers);
                int from = base + c * length;
                double noise = spread * norm(middles, from, length) / Math.sqrt(length);
                int to = (g * rows + r) * length;
                for (int j = 0; j < length; j++) {
                    data[to + j] = (float) (middles[from + j] + noise * random.nextGaussian());
                }
            }
        }
        return new ArraySubVectors(groups, rows, length, data,
                new ArraySubVectors(groups, centers, length, middles));
    }

    private static void placeCenter(float[] middles, int base, int c, int centers, int length,
            double separation, Random random) {
        int to = base + c * length;
        if (c == centers - 1 && centers >= 3) {
            for (int j = 0; j < length; j++) {
                middles[to + j] = 2 * middles[base + j];
            }
            return;
        }
        for (int attempt = 0; ; attempt++) {
            double scale = 0.5 * Math.pow(8, random.nextDouble());
            double squares = 0;
            for (int j = 0; j < length; j++) {
                middles[to + j] = (float) random.nextGaussian();
                squares += middles[to + j] * middles[to + j];
            }
            double factor = scale / Math.max(1e-12, Math.sqrt(squares));
            for (int j = 0; j < length; j++) {
                middles[to + j] *= (float) factor;
            }
            // in very short sub-vectors many centers cannot all be far apart: give up after a while
            if (attempt > 1000 || separated(middles, base, c, length, separation)) {
                return;
            }
        }
    }

    private static boolean separated(float[] middles, int base, int c, int length, double separation) {
        int to = base + c * length;
        double norm = norm(middles, to, length);
        for (int other = 0; other < c; other++) {
            int from = base + other * length;
            double distance = 0;
            for (int j = 0; j < length; j++) {
                double d = middles[to + j] - middles[from + j];
                distance += d * d;
            }
            if (Math.sqrt(distance) < separation * Math.max(norm, norm(middles, from, length))) {
                return false;
            }
        }
        return true;
    }

    private static double norm(float[] values, int from, int length) {
        double squares = 0;
        for (int j = from; j < from + length; j++) {
            squares += (double) values[j] * values[j];
        }
        return Math.sqrt(squares);
    }

    /**
     * The blob centers of a {@link #blobs} fixture as sub-vectors:
     * {@code groups() x centers x length()}.
     *
     * @throws IllegalStateException for any other fixture
     */
    public ArraySubVectors centers() {
        if (centers == null) {
            throw new IllegalStateException("not a blobs fixture: no centers");
        }
        return centers;
    }

    @Override
    public int groups() {
        return groups;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public FloatBuffer group(int g) {
        int size = rows * length;
        return FloatBuffer.wrap(data, g * size, size).slice().asReadOnlyBuffer();
    }

    /** The value at group {@code g}, row {@code r}, column {@code j}. */
    public float get(int g, int r, int j) {
        return data[(g * rows + r) * length + j];
    }

    @Override
    public FloatBuffer project(float[] directions, int count) {
        if (count < 1 || directions.length != length * count) {
            throw new IllegalArgumentException("directions must be " + length + " x " + count
                    + " floats, got " + directions.length + " for count " + count);
        }
        projectCalls++;
        float[] result = new float[groups * rows * count];
        for (int row = 0; row < groups * rows; row++) {
            int from = row * length;
            for (int h = 0; h < count; h++) {
                double sum = 0;
                for (int j = 0; j < length; j++) {
                    sum += (double) data[from + j] * directions[j * count + h];
                }
                result[row * count + h] = (float) sum;
            }
        }
        return FloatBuffer.wrap(result).asReadOnlyBuffer();
    }

    /** How often {@link #project} was called: hashing should need one call per step. */
    public int projectCalls() {
        return projectCalls;
    }

    @Override
    public String toString() {
        return "ArraySubVectors[" + groups + " x " + rows + " x " + length + "]";
    }
}

package adr.plugins.lsh;

import adr.plugins.lsh.LshOptions.Variant;
import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.SubVectors;
import adr.spi.reuse.ReuseSetting;
import java.nio.FloatBuffer;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Locality-sensitive hashing of sub-vectors: rows whose codes are equal form a cluster.
 *
 * <p><b>Method</b> (Ning, Guan, Shen, "Adaptive Deep Reuse", ICDE 2019; Ning and Shen,
 * "Deep Reuse", ICS 2019). One random matrix {@code R} ({@code L x H}, entries N(0, 1)
 * from the layer's seed) is drawn once per layer and shared by all groups, so every
 * projection {@code x·R[:,h]} of every group is one batched native product, which is
 * {@link SubVectors#project}, the {@code H/M} term of the cost model. This class never
 * reads the sub-vectors themselves, only the {@code G x N x H} projections. Per group,
 * one pass turns each row's {@code H} projections into a code, and a {@link BucketTable}
 * numbers the codes {@code 0..n-1} in first-seen order.
 *
 * <p><b>Sign variant</b> (Charikar, "Similarity estimation techniques from rounding
 * algorithms", STOC 2002): bit {@code h} is {@code x·r_h > 0}; two rows differ in a bit
 * with probability {@code angle/pi}. At most {@code 2^H} codes by construction. It
 * ignores magnitude: {@code x} and {@code 2x} always share a bucket, so on the
 * contract's blobs, where one center is twice another, sign hashing merges them (mean
 * relative error 0.13-0.16 against 0.019 for quantized, at H=8).
 *
 * <p><b>Quantized variant</b> (Datar, Immorlica, Indyk, Mirrokni, "Locality-sensitive
 * hashing scheme based on p-stable distributions", SoCG 2004, E2LSH): component
 * {@code h} is {@code floor((x·r_h + b_h) / width)} with {@code b_h} uniform in
 * {@code [0, width)}; rows collide less often the farther apart they are, so norms are
 * separated.
 * <i>Scale-free width</i>: for {@code r ~ N(0, I)}, {@code E[(x·r)^2] = ||x||^2}, so the
 * RMS of a group's projections on this batch estimates its RMS sub-vector norm, and
 * {@code width = bucket-width * RMS}. The same setting then means the same relative
 * resolution whatever the layer's or the training stage's activation scale. Measured per
 * group: a group depends only on its own rows. The cost is one extra pass over
 * {@code N x H} floats.
 * <i>At most {@code 2^H} clusters</i> (the SPI's bound): quantized codes are unbounded,
 * so a group that reaches {@code cap + 1} codes stops early, and its width grows by
 * {@code sqrt 2} and it is hashed again. This ends: once {@code width >= 2 max |x·r_h|},
 * {@code x·r_h / width + offsets[h]} lies in an interval of length 1, which floor maps
 * to at most 2 values, so there are at most {@code 2^H} codes. The count falls like
 * {@code width^-d} (d being the data's intrinsic dimension), so growing by 2 often
 * landed far below the cap. On the conv2 proxy below at H=8 (two draws of R), growing by
 * 2 gave r_c 0.12 at error 0.73 and growing by sqrt 2 gave r_c 0.19 at error 0.51-0.59.
 * Both beat sign's frontier, and sqrt 2 uses more of the allowed clusters. The cap, not
 * {@code bucket-width}, sets the granularity whenever {@code 2^H} is small next to
 * {@code N}. The price: where the cap binds, a group is hashed 1.5-2.3 times over (early
 * exits included; measured on the conv2 proxy at H=6..10) instead of once, so quantized
 * costs 2-3x sign's hashing.
 *
 * <p><b>Defaults, measured</b> (r_c / mean relative error; 16 Fashion-MNIST images; the
 * conv2 proxy is 5x5x32 patches after a random 5x5 conv, ReLU and 2x2 pooling, G=50,
 * N=1024, L=16; conv1 patches G=1, N=9216, L=25):
 * <pre>
 *                         sign          quantized w=0.5   quantized w=1   quantized w=2
 *   blobs L=16 H=8        0.009/0.131   0.027/0.019       0.014/0.019     0.011/0.058
 *   conv1 L=25 H=10       0.046/0.474   0.076/0.304       0.076/0.304     0.076/0.304
 *   conv1 L=25 H=12       0.097/0.402   0.410/0.071       0.410/0.071     0.152/0.241
 *   conv2 proxy H=8       0.063/1.073   0.189/0.508       0.189/0.508     0.131/0.608
 *   random L=16 H=10      0.191/0.713   0.188/0.729       0.188/0.729     0.188/0.729
 * </pre>
 * A mean relative error above 1 (conv2 proxy) comes from tiny post-ReLU rows that share
 * a cluster with large ones. The error relative to the group's total norm,
 * {@code sqrt(sum ||x - c||^2 / sum ||x||^2)}, is what reaches the output: there it is 0.52 for
 * sign and 0.31 for quantized. At equal r_c, quantized has the lower error on image
 * patches and on blobs. Sign is slightly better only on structureless Gaussian rows (and
 * at very coarse settings, r_c below ~0.005, on some patches). So {@code quantized} is
 * the default. With width 0.5 the blobs stay apart at most seeds: over 100 fixture and
 * algorithm seeds, the mean relative error's median / 90th percentile / worst is 0.019 /
 * 0.019 / 0.064, against 0.019 / 0.063 / 0.20 at w=1 and 0.12 / 0.23 / 0.33 at w=2. The
 * granularity is then left to {@code H} through the cap.
 *
 * <p><b>Codes to ids</b>: sign codes are ints, looked up directly for {@code H <= 16}. A
 * quantized code becomes the key {@code sum_h q_h * f_h}, with random odd 64-bit
 * {@code f_h} (independent products, no serial dependency). Identical sub-vectors have
 * identical projections, so identical codes and one cluster. Two different codes share a
 * key only by a 64-bit accident (~n^2 / 2^65 per group), which merges two cells and does
 * nothing worse. The tables and scratch arrays belong to the instance and are reused, so
 * nothing is allocated per row or group after the first step.
 *
 * <p><b>Parallelism</b>: above {@value #PARALLEL_THRESHOLD} projections, {@code P}
 * workers (one per core, each with its own table) take groups {@code w, w + P, ...}. A
 * group's result depends only on its own projections, so the output is the same with any
 * number of workers. On 2 cores, for 50 groups x 4096 rows, H=10, with another session's
 * build also running, one call took:
 * <ul>
 *   <li>sign: 2.2-4.2 ms with 2 workers, 2.6-4.8 ms with 1;</li>
 *   <li>quantized: 4.2-11 ms with 2 workers, 7.3-9.8 ms with 1.</li>
 * </ul>
 * The gain appears only when the second core is free; the cluster phase of
 * {@code ./adr bench conv} measures it in place.
 */
final class LshClustering implements ClusteringAlgorithm {
    /** Below this many projections per call the groups are hashed on the calling thread. */
    static final int PARALLEL_THRESHOLD = 1 << 16;
    /** How much a quantized group's width grows when it has too many codes. */
    static final double GROWTH = Math.sqrt(2);

    private final int length;
    private final int hashes;
    private final Variant variant;
    private final double bucketWidth;
    /** {@code R}, {@code L x H} row-major, N(0, 1): shared by every group of the layer. */
    private final float[] directions;
    /** Quantized offsets as fractions of the width: {@code b_h = offsets[h] * width}, uniform in [0, 1). */
    private final float[] offsets;
    /** Random odd multipliers: a quantized code's key is {@code sum_h q_h * folds[h]}. */
    private final long[] folds;
    /** One scratch copy of a group's projections per worker. */
    private final float[][] scratch;
    /** One table per worker: worker {@code w} hashes groups {@code w, w + workers, ...}. */
    private final BucketTable[] tables;

    LshClustering(ReuseSetting setting, LshOptions options, long seed) {
        this.length = setting.subVectorLength();
        this.hashes = setting.hashBits();
        this.variant = options.variant();
        this.bucketWidth = options.bucketWidth();
        Random random = new Random(seed);
        this.directions = new float[length * hashes];
        for (int i = 0; i < directions.length; i++) {
            directions[i] = (float) random.nextGaussian();
        }
        this.offsets = new float[hashes];
        this.folds = new long[hashes];
        for (int h = 0; h < hashes; h++) {
            offsets[h] = random.nextFloat();
            folds[h] = random.nextLong() | 1;
        }
        this.tables = new BucketTable[Math.max(1, Runtime.getRuntime().availableProcessors())];
        this.scratch = new float[tables.length][];
        for (int w = 0; w < tables.length; w++) {
            tables[w] = new BucketTable();
            scratch[w] = new float[0];
        }
    }

    @Override
    public void cluster(SubVectors input, Assignments out) {
        requireFits(input, out.groups(), out.rows(), "assignments");
        FloatBuffer projections = input.project(directions, hashes);
        int groups = input.groups();
        int workers = (long) groups * input.rows() * hashes < PARALLEL_THRESHOLD ? 1 : Math.min(groups, tables.length);
        if (workers == 1) {
            hashGroups(projections, input.rows(), groups, out, 0, 1);
        } else {
            IntStream.range(0, workers).parallel()
                    .forEach(w -> hashGroups(projections, input.rows(), groups, out, w, workers));
        }
    }

    /**
     * Every row's sign code, un-numbered: the sign variant's stable bucket keys (a code
     * depends only on the row and {@code R}, and {@link #cluster} numbers codes in
     * first-seen order). Used through {@link SignLshClustering}.
     */
    void signCodes(SubVectors input, int[][] keys) {
        requireFits(input, keys.length, keys.length == 0 ? 0 : keys[0].length, "keys");
        FloatBuffer projections = input.project(directions, hashes);
        int rows = input.rows();
        IntStream groups = IntStream.range(0, input.groups());
        (input.groups() * (long) rows * hashes < PARALLEL_THRESHOLD ? groups : groups.parallel()).forEach(g -> {
            int[] out = keys[g];
            for (int r = 0, at = g * rows * hashes; r < rows; r++, at += hashes) {
                out[r] = signCode(projections, at);
            }
        });
    }

    private void requireFits(SubVectors input, int groups, int rows, String what) {
        if (input.length() != length) {
            throw new IllegalArgumentException("sub-vectors of length " + input.length()
                    + " given to an LSH clustering built for L=" + length);
        }
        if (groups < input.groups() || rows < input.rows()) {
            throw new IllegalArgumentException(what + " of " + groups + " x " + rows
                    + " cannot hold " + input.groups() + " x " + input.rows());
        }
    }

    /** Hashes groups {@code first, first + step, ...} with worker {@code first}'s table. */
    private void hashGroups(FloatBuffer projections, int rows, int groups, Assignments out, int first, int step) {
        BucketTable table = tables[first];
        if (variant == Variant.QUANTIZED && scratch[first].length < rows * hashes) {
            scratch[first] = new float[rows * hashes];
        }
        int cap = (int) Math.min(rows, 1L << hashes);
        for (int g = first; g < groups; g += step) {
            int base = g * rows * hashes;
            int count = variant == Variant.SIGN
                    ? signGroup(projections, base, rows, out.ids(g), table)
                    : quantizedGroup(projections, base, rows, out.ids(g), cap, table, scratch[first]);
            out.setCount(g, count);
        }
    }

    /** Bit {@code h} of a row's code is {@code x·r_h > 0}; at most {@code 2^H} codes by construction. */
    private int signGroup(FloatBuffer projections, int base, int rows, int[] ids, BucketTable table) {
        boolean direct = hashes <= BucketTable.DIRECT_BITS;
        if (direct) {
            table.resetDirect(hashes);
        } else {
            table.reset(rows);
        }
        for (int r = 0, at = base; r < rows; r++, at += hashes) {
            int code = signCode(projections, at);
            ids[r] = direct ? table.idOfCode(code) : table.idOf(code);
        }
        return table.size();
    }

    /** The {@code H} bits {@code x·r_h > 0} of the row whose projections start at {@code at}. */
    private int signCode(FloatBuffer projections, int at) {
        int code = 0;
        for (int h = 0; h < hashes; h++) {
            code |= (projections.get(at + h) > 0 ? 1 : 0) << h;
        }
        return code;
    }

    /**
     * Component {@code h} of a row's code is {@code floor(x·r_h / width + offsets[h])} with
     * {@code width = bucketWidth * rms}; if the group has more than {@code cap} codes the
     * width grows and the group is hashed again (see the class comment for why this ends).
     */
    private int quantizedGroup(FloatBuffer projections, int base, int rows, int[] ids, int cap, BucketTable table,
            float[] scratch) {
        int size = rows * hashes;
        projections.get(base, scratch, 0, size);
        double squares = 0;
        for (int i = 0; i < size; i++) {
            squares += scratch[i] * scratch[i];
        }
        double width = bucketWidth * Math.sqrt(squares / Math.max(1, size));
        if (!(width > 0) || Double.isInfinite(width)) {
            width = 1; // an all-zero group (one bucket either way) or overflowed values
        }
        while (true) {
            int count = quantize(scratch, rows, ids, cap, (float) (1 / width), table);
            if (count >= 0) {
                return count;
            }
            width *= GROWTH;
        }
    }

    /** One pass at one width: the count, or -1 as soon as a group needs more than {@code cap} clusters. */
    private int quantize(float[] projections, int rows, int[] ids, int cap, float inverseWidth, BucketTable table) {
        table.reset(Math.min(rows, cap + 1));
        for (int r = 0, at = 0; r < rows; r++) {
            long key = 0;
            for (int h = 0; h < hashes; h++, at++) {
                key += (long) Math.floor(projections[at] * inverseWidth + offsets[h]) * folds[h];
            }
            int id = table.idOf(key);
            if (id >= cap) {
                return -1;
            }
            ids[r] = id;
        }
        return table.size();
    }
}

package adr.plugins.lsh;

import adr.spi.clustering.Assignments;
import adr.spi.clustering.StableBucketKeys;
import adr.spi.clustering.SubVectors;

/**
 * The sign variant, which has stable bucket keys: a row's key is its {@code H} sign bits,
 * which depend on nothing but the row and the layer's random matrix, so keys from
 * different batches compare and the engine may cache them per image. The quantized
 * variant has none: its bucket width is fitted to each batch (and widened until the
 * batch fits in {@code 2^H} buckets), so the same row gets different codes in different
 * batches.
 */
final class SignLshClustering implements StableBucketKeys {
    private final LshClustering lsh;

    SignLshClustering(LshClustering lsh) {
        this.lsh = lsh;
    }

    @Override
    public void cluster(SubVectors input, Assignments out) {
        lsh.cluster(input, out);
    }

    @Override
    public void bucketKeys(SubVectors input, int[][] keys) {
        lsh.signCodes(input, keys);
    }
}

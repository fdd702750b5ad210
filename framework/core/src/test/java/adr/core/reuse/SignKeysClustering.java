package adr.core.reuse;

import adr.spi.clustering.Assignments;
import adr.spi.clustering.StableBucketKeys;
import adr.spi.clustering.SubVectors;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Random-hyperplane sign bits computed row by row in Java, so a row's key is exactly
 * independent of the batch around it; counts its calls so tests see when the cache
 * skipped the clustering.
 */
final class SignKeysClustering implements StableBucketKeys {
    private final int length;
    private final int bits;
    private final float[] directions;
    int keyCalls;
    int clusterCalls;

    SignKeysClustering(int length, int bits, long seed) {
        this.length = length;
        this.bits = bits;
        Random random = new Random(seed);
        directions = new float[bits * length];
        for (int i = 0; i < directions.length; i++) {
            directions[i] = (float) random.nextGaussian();
        }
    }

    @Override
    public void cluster(SubVectors input, Assignments out) {
        clusterCalls++;
        for (int g = 0; g < input.groups(); g++) {
            Map<Integer, Integer> firstSeen = new HashMap<>();
            FloatBuffer rows = input.group(g);
            for (int r = 0; r < input.rows(); r++) {
                out.ids(g)[r] = firstSeen.computeIfAbsent(key(rows, r), k -> firstSeen.size());
            }
            out.setCount(g, firstSeen.size());
        }
    }

    @Override
    public void bucketKeys(SubVectors input, int[][] keys) {
        keyCalls++;
        for (int g = 0; g < input.groups(); g++) {
            FloatBuffer rows = input.group(g);
            for (int r = 0; r < input.rows(); r++) {
                keys[g][r] = key(rows, r);
            }
        }
    }

    private int key(FloatBuffer rows, int r) {
        int code = 0;
        for (int h = 0; h < bits; h++) {
            double dot = 0;
            for (int j = 0; j < length; j++) {
                dot += rows.get(r * length + j) * directions[h * length + j];
            }
            code |= (dot > 0 ? 1 : 0) << h;
        }
        return code;
    }
}

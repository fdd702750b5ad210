package com.example.adr;

import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.SubVectors;
import adr.spi.reuse.ReuseSetting;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Puts sub-vectors whose means fall in the same bucket of the given width into one
 * cluster (at most 2^H buckets). The means come from {@link SubVectors#project}, which
 * the engine computes as one native matrix product for all groups.
 */
final class MeanBucketClustering implements ClusteringAlgorithm {
    private final ReuseSetting setting;
    private final float width;
    private int[] compact = new int[0];

    MeanBucketClustering(ReuseSetting setting, float width) {
        this.setting = setting;
        this.width = width;
    }

    @Override
    public void cluster(SubVectors input, Assignments out) {
        int length = input.length();
        float[] averaging = new float[length];
        Arrays.fill(averaging, 1f / length);
        FloatBuffer means = input.project(averaging, 1);
        int buckets = setting.maxClusters(input.rows());
        if (compact.length != buckets) {
            compact = new int[buckets];
        }
        for (int g = 0; g < input.groups(); g++) {
            Arrays.fill(compact, -1);
            int[] ids = out.ids(g);
            int count = 0;
            for (int r = 0; r < input.rows(); r++) {
                long bucket = (long) Math.floor(means.get(g * input.rows() + r) / width);
                int slot = (int) Math.floorMod(bucket, (long) buckets);
                if (compact[slot] < 0) {
                    compact[slot] = count++;
                }
                ids[r] = compact[slot];
            }
            out.setCount(g, count);
        }
    }
}

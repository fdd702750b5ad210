package adr.plugins.kmeans;

/**
 * One layer's centroids between calls: {@code k x L} floats per group and how many of
 * them are valid (0 before the first call or after a shape change, so the group is
 * seeded afresh). Each group's slot is written only by the worker clustering it.
 */
final class CentroidState {
    private float[][] centroids = new float[0][];
    private int[] valid = new int[0];
    private int clusters = -1;
    private int length = -1;

    /** Keeps the centroids if the shape is unchanged, otherwise starts from nothing. */
    void reshape(int groups, int k, int len) {
        if (groups == centroids.length && k == clusters && len == length) {
            return;
        }
        centroids = new float[groups][k * len];
        valid = new int[groups];
        clusters = k;
        length = len;
    }

    float[] centroids(int g) {
        return centroids[g];
    }

    int valid(int g) {
        return valid[g];
    }

    void setValid(int g, int count) {
        valid[g] = count;
    }
}

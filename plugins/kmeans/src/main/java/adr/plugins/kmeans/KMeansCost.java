package adr.plugins.kmeans;

/**
 * What one {@link KMeansClustering#cluster} call cost, for the engine's and the
 * benchmarks' phase reports. A distance evaluation is one (row, centroid) pair; each
 * costs {@code L} multiply-adds.
 *
 * @param groups groups clustered
 * @param rows rows per group ({@code N})
 * @param length sub-vector length ({@code L})
 * @param clusters centroids per group asked for ({@code k}); seeding may find fewer
 *     when a group has fewer distinct rows
 * @param iterations Lloyd assignment passes per group
 * @param warmStartedGroups groups that started from the previous call's centroids
 * @param assignmentEvaluations distance evaluations of the assignment passes,
 *     {@code sum_g N * k_g * iterations}: the expensive part
 * @param seedingEvaluations distance evaluations of k-means++ seeding ({@code N * k_g}
 *     per seeded group; 0 for random seeding or warm starts)
 * @param nanos wall time of the call
 */
public record KMeansCost(int groups, int rows, int length, int clusters, int iterations, int warmStartedGroups,
        long assignmentEvaluations, long seedingEvaluations, long nanos) {

    /** Every distance evaluation of the call. */
    public long distanceEvaluations() {
        return assignmentEvaluations + seedingEvaluations;
    }

    /** {@code distanceEvaluations() * L}: the call's arithmetic in multiply-adds. */
    public long multiplyAdds() {
        return distanceEvaluations() * length;
    }
}

/**
 * Lloyd k-means clustering of sub-vectors, per group, with k-means++ or random seeding
 * and warm starts from the previous step's centroids. The public surface is
 * {@link adr.plugins.kmeans.KMeansPlugin} (found by {@link java.util.ServiceLoader}),
 * {@link adr.plugins.kmeans.KMeansFactory} (the {@code kmeans} clustering factory),
 * {@link adr.plugins.kmeans.KMeansClustering} (the algorithm, with its reasoning and
 * cost model) and {@link adr.plugins.kmeans.KMeansCost} (what the last call cost).
 */
package adr.plugins.kmeans;

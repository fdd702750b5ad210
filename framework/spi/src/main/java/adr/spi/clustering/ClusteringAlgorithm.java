package adr.spi.clustering;

/**
 * Groups nearly equal sub-vectors. One instance serves one layer at one
 * {@link adr.spi.reuse.ReuseSetting}; it may keep state between calls (random
 * projections, warm-start centroids) in its own fields, which is its per-layer state.
 *
 * <p>Contract: for every group, write a compact cluster id for every row into
 * {@code out} and set the group's count; identical sub-vectors must share a cluster;
 * given the same seed and inputs the result is the same. Centroids, products and
 * reconstruction are the engine's job, so every algorithm gets the same fast path. The
 * engine checks every result's ids and counts and stops the run, naming the plugin and
 * its jar, when they break this contract or when {@code cluster} throws.
 *
 * <p>Threading: the engine calls one instance from one thread at a time; an
 * algorithm may parallelise internally over groups.
 */
public interface ClusteringAlgorithm {

    void cluster(SubVectors input, Assignments out);
}

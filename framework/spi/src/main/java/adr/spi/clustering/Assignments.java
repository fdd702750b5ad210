package adr.spi.clustering;

/**
 * Where a clustering algorithm writes its result: for every group, a cluster id for
 * every row and the number of clusters. Ids must be compact: {@code 0 <= id < count}
 * and every id below {@code count} used at least once. The engine allocates this
 * once per layer and reuses it every step; algorithms overwrite all of it.
 */
public final class Assignments {
    private final int[][] ids;
    private final int[] counts;

    public Assignments(int groups, int rows) {
        this.ids = new int[groups][rows];
        this.counts = new int[groups];
    }

    public int groups() {
        return ids.length;
    }

    public int rows() {
        return ids.length == 0 ? 0 : ids[0].length;
    }

    /** The writable id array of group {@code g} (length {@code rows()}). */
    public int[] ids(int g) {
        return ids[g];
    }

    public int count(int g) {
        return counts[g];
    }

    public void setCount(int g, int clusters) {
        counts[g] = clusters;
    }

    /** {@code sum_g count(g) / (rows * groups)}: the fraction of the product still computed. */
    public double remainingRatio() {
        long clusters = 0;
        for (int c : counts) {
            clusters += c;
        }
        return rows() == 0 ? 0 : (double) clusters / ((long) rows() * groups());
    }
}

package adr.core.reuse;

import adr.spi.clustering.Assignments;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Turns per-row bucket keys into compact cluster ids: per group, keys are numbered
 * {@code 0..n-1} in the order they first appear, which is what a
 * {@link adr.spi.clustering.StableBucketKeys} algorithm's own clustering gives (its
 * contract), so cached keys become the same assignments without the algorithm.
 *
 * <p>One open-addressing table (linear probing, at most half full) per worker; a
 * generation stamp empties it in O(1), so nothing is allocated per step once the tables
 * have grown. Groups are independent, so workers take groups {@code w, w + P, ...}.
 */
final class KeyCompaction {
    private final Table[] tables = new Table[Math.max(1, Runtime.getRuntime().availableProcessors())];

    KeyCompaction() {
        for (int w = 0; w < tables.length; w++) {
            tables[w] = new Table();
        }
    }

    /** Writes the compact ids and count of every group of {@code keys} ({@code [G][rows]}) into {@code out}. */
    void compact(int[][] keys, int rows, Assignments out) {
        int groups = out.groups();
        int workers = Math.min(groups, tables.length);
        IntStream.range(0, workers).parallel().forEach(w -> {
            for (int g = w; g < groups; g += workers) {
                out.setCount(g, tables[w].compact(keys[g], rows, out.ids(g)));
            }
        });
    }

    /** int key to first-seen id. */
    private static final class Table {
        private int[] keys = new int[0];
        private int[] ids = new int[0];
        private int[] stamps = new int[0];
        private int stamp;
        private int mask;
        private int size;

        int compact(int[] rowKeys, int rows, int[] out) {
            reset(rows);
            for (int r = 0; r < rows; r++) {
                out[r] = idOf(rowKeys[r]);
            }
            return size;
        }

        private void reset(int distinct) {
            int slots = Math.max(16, Integer.highestOneBit(Math.max(1, distinct)) * 4);
            if (slots > stamps.length) {
                keys = new int[slots];
                ids = new int[slots];
                stamps = new int[slots];
                stamp = 0;
            }
            mask = slots - 1;
            size = 0;
            if (++stamp == 0) { // wrapped: forget every old stamp
                Arrays.fill(stamps, 0);
                stamp = 1;
            }
        }

        private int idOf(int key) {
            int slot = spread(key) & mask;
            while (stamps[slot] == stamp) {
                if (keys[slot] == key) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            stamps[slot] = stamp;
            keys[slot] = key;
            ids[slot] = size;
            return size++;
        }

        /** Fibonacci hashing: sign codes differ in low bits, so they are spread over the whole word. */
        private static int spread(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}

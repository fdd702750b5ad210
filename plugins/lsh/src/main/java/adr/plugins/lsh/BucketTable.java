package adr.plugins.lsh;

import java.util.Arrays;

/**
 * Maps the codes of one group to compact cluster ids {@code 0..size-1} in first-seen
 * order. Reused for every group and step: {@link #reset} is O(1) (a generation stamp
 * marks the live slots), so nothing is allocated once the table has grown to the
 * largest group. Two layouts over the same arrays: {@link #idOfCode} indexes directly
 * by a small code ({@code < 2^}{@value #DIRECT_BITS}), {@link #idOf} is open addressing
 * with linear probing on a mixed 64-bit key, at most half full.
 */
final class BucketTable {
    /** Codes of at most this many bits are looked up directly. */
    static final int DIRECT_BITS = 16;

    private long[] keys = new long[0];
    private int[] ids = new int[0];
    private int[] stamps = new int[0];
    private int stamp;
    private int mask;
    private int size;

    /** Empties the table for direct lookup of codes below {@code 2^bits}, {@code bits <= DIRECT_BITS}. */
    void resetDirect(int bits) {
        prepare(1 << bits);
    }

    /** Empties the table for at most {@code distinct} different keys. */
    void reset(int distinct) {
        prepare(Math.max(16, Integer.highestOneBit(Math.max(1, distinct) * 2 - 1) * 2));
    }

    private void prepare(int slots) {
        if (slots > stamps.length) {
            keys = new long[slots];
            ids = new int[slots];
            stamps = new int[slots];
            stamp = 0;
        }
        mask = slots - 1;
        size = 0;
        if (++stamp == 0) { // wrapped after 2^32 resets: forget every old stamp
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
    }

    /** The id of a code below {@code 2^bits} after {@link #resetDirect}, a new one if first seen. */
    int idOfCode(int code) {
        if (stamps[code] == stamp) {
            return ids[code];
        }
        stamps[code] = stamp;
        ids[code] = size;
        return size++;
    }

    /** The id of {@code key} after {@link #reset}, a new one if first seen. */
    int idOf(long key) {
        int slot = (int) mix(key) & mask;
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

    /** The number of distinct codes seen since the last reset. */
    int size() {
        return size;
    }

    /** MurmurHash3's 64-bit finalizer: spreads nearby keys over the slots. */
    private static long mix(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        return key ^ (key >>> 33);
    }
}

package adr.core.reuse;

import java.util.stream.IntStream;

/**
 * A 64-bit fingerprint of every image of a layer's input batch, bit for bit, which tells
 * whether an image's input is still the one its cached cluster keys were computed from.
 * Equal inputs have equal fingerprints; different ones collide with probability about
 * {@code 2^-64}. The first convolution's input is the image itself, which repeats exactly
 * every epoch without augmentation, so a changed fingerprint only happens when something
 * changed the images (augmentation slipping past the up-front refusal); the cache then
 * re-clusters instead of using another input's keys. Costs one pass over the input.
 */
final class InputFingerprints {
    private long[] fingerprints = new long[0];

    /** Fingerprints every image of a batch given as its c-order values. */
    void measure(float[] values, int batch) {
        int size = values.length / batch;
        fingerprints = fingerprints.length == batch ? fingerprints : new long[batch];
        IntStream.range(0, batch).parallel().forEach(b -> fingerprints[b] = fingerprint(values, b * size, size));
    }

    /** Image {@code image}'s fingerprint from the last {@link #measure}. */
    long of(int image) {
        return fingerprints[image];
    }

    /** FNV-1a over the raw float bits, then a SplitMix64 finaliser. */
    private static long fingerprint(float[] values, int from, int size) {
        long h = 0xcbf29ce484222325L;
        for (int i = from, end = from + size; i < end; i++) {
            h = (h ^ Float.floatToRawIntBits(values[i])) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}

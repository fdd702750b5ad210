package adr.core.reuse;

import java.util.Arrays;

/**
 * Every image's bucket keys for one layer at one setting, by dataset index: for image
 * {@code s}, {@code keys[g * P + p]} is the key of output pixel {@code p}'s sub-vector in
 * group {@code g}, with the fingerprint of the input it was computed from. Keys rather
 * than cluster ids, because ids are compact per call and per group and mean nothing in
 * another batch, while a {@link adr.spi.clustering.StableBucketKeys} key means the same
 * bucket in any batch; {@link KeyCompaction} turns a batch's keys into ids.
 *
 * <p>Owned by one layer's reuse kernel, which is replaced whenever the layer's setting or
 * scope changes, so a new setting always starts empty. Memory: {@code G x P} ints per image
 * (576 for CifarNet's conv1 on 28x28 images, 2.3 KB; 138 MB for all 60,000 Fashion-MNIST
 * training images). Arrays are reused when an image is stored again.
 */
final class SampleAssignmentCache {
    private Entry[] entries = new Entry[0];

    /** Whether every image of the batch has keys of {@code size} ints from an input with the same fingerprint. */
    boolean covers(int[] samples, int size, InputFingerprints inputs) {
        for (int b = 0; b < samples.length; b++) {
            Entry e = samples[b] < entries.length ? entries[samples[b]] : null;
            if (e == null || e.keys.length != size || e.fingerprint != inputs.of(b)) {
                return false;
            }
        }
        return true;
    }

    /** Copies every image's cached keys into the batch's keys {@code [G][batch * P]}. */
    void gather(int[] samples, int pixels, int[][] keys) {
        for (int b = 0; b < samples.length; b++) {
            int[] cached = entries[samples[b]].keys;
            for (int g = 0; g < keys.length; g++) {
                System.arraycopy(cached, g * pixels, keys[g], b * pixels, pixels);
            }
        }
    }

    /** Stores every image's keys from the batch's keys {@code [G][batch * P]}, with its input's fingerprint. */
    void store(int[] samples, int pixels, int[][] keys, InputFingerprints inputs) {
        int size = keys.length * pixels;
        for (int b = 0; b < samples.length; b++) {
            Entry e = entry(samples[b], size);
            for (int g = 0; g < keys.length; g++) {
                System.arraycopy(keys[g], b * pixels, e.keys, g * pixels, pixels);
            }
            e.fingerprint = inputs.of(b);
        }
    }

    private Entry entry(int sample, int size) {
        if (sample >= entries.length) {
            entries = Arrays.copyOf(entries, Math.max(sample + 1, entries.length * 2));
        }
        Entry e = entries[sample];
        if (e == null || e.keys.length != size) {
            e = new Entry(new int[size]);
            entries[sample] = e;
        }
        return e;
    }

    /** One image's keys and the fingerprint of the input they came from. */
    private static final class Entry {
        final int[] keys;
        long fingerprint;

        Entry(int[] keys) {
            this.keys = keys;
        }
    }
}

package adr.core.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The one seed of a run and the independent streams derived from it.
 *
 * <p>Every random choice (weight initialisation, shuffling, dropout, augmentation and
 * later hashing) draws from a stream named by its purpose, so adding a new consumer
 * never shifts the numbers an existing one sees. Derivation is SplitMix64 over the
 * master seed mixed with a hash of the purpose.
 */
public record Seeds(long master) {

    /** The seed for one purpose, for example {@code "init/conv1"} or {@code "shuffle"}. */
    public long derive(String purpose) {
        long h = 0xcbf29ce484222325L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return mix(master ^ mix(h));
    }

    /** A fresh random stream for one purpose. */
    public SplittableRandom stream(String purpose) {
        return new SplittableRandom(derive(purpose));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

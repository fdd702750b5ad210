package adr.core.reuse;

import java.util.stream.IntStream;

/**
 * Scratch arrays for the parallel passes of a reuse step, one per slice of the work and
 * kept across steps, so that the hot loops allocate nothing per step (an image-sized
 * array per image and pass made megabytes of garbage a step). A pass cuts its items into
 * at most {@code maxSlices} contiguous slices; slice {@code s} owns array {@code s}. A few
 * slices per core keep the cores evenly busy when one is held up.
 */
final class WorkerScratch {
    /** Slices per core for passes whose scratch is small. */
    static final int SLICES_PER_CORE = 4;

    private final int maxSlices;
    private final float[][] arrays;

    /** @param slicesPerCore how many slices a pass is cut into per core, at most */
    static WorkerScratch perCore(int slicesPerCore) {
        return new WorkerScratch(slicesPerCore * Runtime.getRuntime().availableProcessors());
    }

    /** @param maxSlices the most slices a pass is cut into */
    WorkerScratch(int maxSlices) {
        this.maxSlices = Math.max(1, maxSlices);
        this.arrays = new float[this.maxSlices][0];
    }

    /** What one slice of a pass does with its items {@code [from, to)}. */
    interface Slice {
        void run(int slice, int from, int to);
    }

    /** How many slices {@link #forEachSlice} cuts {@code items} into: at most one per item. */
    int slices(int items) {
        return Math.max(1, Math.min(items, maxSlices));
    }

    /** Runs {@code work} on every slice of {@code items} in parallel. */
    void forEachSlice(int items, Slice work) {
        int slices = slices(items);
        IntStream.range(0, slices).parallel()
                .forEach(s -> work.run(s, (int) ((long) s * items / slices), (int) ((long) (s + 1) * items / slices)));
    }

    /**
     * Slice {@code slice}'s array, of at least {@code size} floats (passes of different
     * sizes share it without reallocating); contents left from its last use.
     */
    float[] array(int slice, int size) {
        if (arrays[slice].length < size) {
            arrays[slice] = new float[size];
        }
        return arrays[slice];
    }
}

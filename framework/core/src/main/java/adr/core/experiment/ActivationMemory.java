package adr.core.experiment;

import adr.core.nn.Layer;
import adr.core.nn.Network;
import java.util.Locale;
import java.util.Optional;

/**
 * A floor under the memory of a model's training step: the buffers its layers keep from
 * one step to the next ({@link Layer#keptFloats}: outputs and input gradients),
 * {@code floatsPerImage} floats per image of a batch. Checked when a run is prepared, so a
 * batch that cannot fit is refused before the run opens, in a second, instead of failing
 * in its first step after the process has grown to the memory ceiling (CifarNet at batch
 * 60000 took 1.5 minutes and 23 of the build machine's 24 GB to get there: JavaCPP
 * compares the resident size with the ceiling when memory is allocated, and pages become
 * resident only when they are written).
 *
 * <p>It is a floor, so it never refuses a batch that fits: a step also holds transient
 * arrays, the im2col kernel's columns and, with reuse, the unfolded rows and cluster
 * tables. Measured on the build machine (peak resident memory of {@code ./adr train} for
 * one exact step): CifarNet 10.1 GB at batch 8192, whose floor is 5.3 GB; vgg-small grew by
 * about 3.3 MB per image from batch 512 to 1024, against a floor of 1.92 MB per image: up
 * to {@value #MEASURED_PEAK_RATIO} times the floor. Between the floor and the real need the
 * ceiling does not hold reliably (JavaCPP sees resident pages late): CifarNet at batch
 * 20000 grew past it to the machine's 24 GB and the kernel killed it. So a batch whose
 * measured ratio times the floor does not fit gets a {@link #warning}, not a refusal.
 */
record ActivationMemory(String model, long floatsPerImage) {
    /** The largest peak of a step against its floor measured on the build machine (see above). */
    static final double MEASURED_PEAK_RATIO = 1.9;

    static ActivationMemory of(Network network) {
        long[] shape = network.inputShape();
        long floats = 0;
        for (Layer layer : network.layers()) {
            floats += layer.keptFloats(shape);
            shape = layer.outputShape(shape);
        }
        return new ActivationMemory(network.name(), floats);
    }

    /** Bytes the layers keep for a batch of {@code images} (float32). */
    long bytes(int images) {
        return floatsPerImage * Float.BYTES * images;
    }

    /**
     * Refuses a training batch whose kept buffers alone do not fit under the ceiling next
     * to what the process already uses. The evaluation batch is not counted: evaluation
     * keeps no gradients, so its share of the floor would be a guess.
     *
     * @param batch the training batch size, at most the training images
     * @throws IllegalArgumentException naming the batch size, the sizes and the fix
     */
    void requireFits(int batch, NativeMemory memory) {
        long needed = bytes(batch);
        if (!memory.limited() || memory.used() + needed <= memory.ceiling()) {
            return;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "batch size %d does not fit in memory: %s's"
                + " layers keep %s of outputs and gradients for it (%s per image), the process already uses %s and"
                + " may use %s (org.bytedeco.javacpp.maxphysicalbytes); lower --batch-size", batch, model,
                NativeMemory.size(needed), NativeMemory.size(bytes(1)), NativeMemory.size(memory.used()),
                NativeMemory.size(memory.ceiling())));
    }

    /**
     * A warning when the batch fits the floor but not {@value #MEASURED_PEAK_RATIO} times
     * it, the peak measured; empty when it fits that too or there is no ceiling.
     */
    Optional<String> warning(int batch, NativeMemory memory) {
        long likely = (long) (MEASURED_PEAK_RATIO * bytes(batch));
        if (!memory.limited() || memory.used() + likely <= memory.ceiling()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "batch size %d may not fit in memory: %s's layers keep %s for"
                + " it and a step's peak has been up to %s times that (%s), more than the %s this process may"
                + " still use; a step past it fails the run, so a lower --batch-size is safer", batch, model,
                NativeMemory.size(bytes(batch)), MEASURED_PEAK_RATIO, NativeMemory.size(likely),
                NativeMemory.size(memory.ceiling() - memory.used())));
    }
}

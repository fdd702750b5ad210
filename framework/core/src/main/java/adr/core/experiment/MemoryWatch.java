package adr.core.experiment;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches the process's resident memory against its ceiling while a run trains.
 *
 * <p>JavaCPP compares the resident size with {@code maxphysicalbytes} only when native
 * memory is allocated, and pages become resident only as they are written: a step whose
 * arrays were all allocated under the ceiling passes it while a native operation fills
 * them, with no allocation left to notice. CifarNet at batch 20000 grew that way to the
 * machine's 24 GB, and the kernel killed the process without a word, leaving its run
 * ABANDONED. The training thread cannot be stopped inside a native operation, so the
 * watch only tells its receiver, once, which records the failure and ends the process
 * while the margin below the machine's memory lasts.
 *
 * <p>Past the ceiling, garbage collections first get their chance to free unreachable
 * arrays, as in JavaCPP's own check; only a reading still past it after them counts.
 */
final class MemoryWatch implements AutoCloseable {
    /**
     * The batch-20000 run's resident size grew by 0.1-0.4 GB/s here: the launcher's margin
     * (15% of the machine) lasts seconds, polls and collections take fractions of one.
     */
    static final Duration POLL = Duration.ofMillis(50);
    /** Collections past the ceiling before it counts: 300 ms at most, far inside the margin. */
    static final int COLLECTIONS = 6;

    private final Thread thread;
    private volatile boolean closed;

    private MemoryWatch(Supplier<NativeMemory> memory, Runnable collectGarbage, Duration poll,
            Consumer<NativeMemory> passed) {
        thread = new Thread(() -> watch(memory, collectGarbage, poll, passed), "adr-memory-watch");
        thread.setDaemon(true);
    }

    /** Watches this process; a no-op when it has no ceiling (run without the launcher). */
    static MemoryWatch start(Consumer<NativeMemory> passed) {
        return start(NativeMemory::current, System::gc, POLL, passed);
    }

    /**
     * @param memory the process's memory now
     * @param collectGarbage frees what is unreachable before a reading past the ceiling counts
     * @param passed receives the reading past the ceiling, once, on the watch's thread
     */
    static MemoryWatch start(Supplier<NativeMemory> memory, Runnable collectGarbage, Duration poll,
            Consumer<NativeMemory> passed) {
        MemoryWatch watch = new MemoryWatch(memory, collectGarbage, poll, passed);
        if (memory.get().limited()) {
            watch.thread.start();
        }
        return watch;
    }

    private void watch(Supplier<NativeMemory> memory, Runnable collectGarbage, Duration poll,
            Consumer<NativeMemory> passed) {
        try {
            while (!closed) {
                Thread.sleep(poll.toMillis());
                if (!pastCeiling(memory.get())) {
                    continue;
                }
                NativeMemory after = afterCollections(memory, collectGarbage, poll);
                if (pastCeiling(after) && !closed) {
                    passed.accept(after);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Up to {@link #COLLECTIONS} collections, a poll apart, while the process stays past its
     * ceiling: the native memory of unreachable arrays is freed by their deallocators
     * after a collection has found them, not during it.
     */
    private static NativeMemory afterCollections(Supplier<NativeMemory> memory, Runnable collectGarbage,
            Duration poll) throws InterruptedException {
        NativeMemory now = null;
        for (int i = 0; i < COLLECTIONS && (now == null || pastCeiling(now)); i++) {
            collectGarbage.run();
            Thread.sleep(poll.toMillis());
            now = memory.get();
        }
        return now;
    }

    private static boolean pastCeiling(NativeMemory now) {
        return now.limited() && now.used() > now.ceiling();
    }

    /**
     * Stops watching within a poll: the run is over. Not by interrupting the thread, which
     * would close the journal's file channel under a receiver still recording.
     */
    @Override
    public void close() {
        closed = true;
    }
}

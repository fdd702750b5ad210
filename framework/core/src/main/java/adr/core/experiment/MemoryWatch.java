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
 * <p>Past the ceiling, a garbage collection first gets its chance to free unreachable
 * arrays, as in JavaCPP's own check; only a reading still past it after that counts.
 */
final class MemoryWatch implements AutoCloseable {
    /** Pages fill at about 0.2-1 GB/s here; the launcher's margin (15% of the machine) lasts seconds. */
    static final Duration POLL = Duration.ofMillis(50);

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
                collectGarbage.run();
                Thread.sleep(poll.toMillis());
                NativeMemory after = memory.get();
                if (pastCeiling(after) && !closed) {
                    passed.accept(after);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

package adr.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MemoryWatchTest {
    private static final Duration POLL = Duration.ofMillis(5);
    private static final long GB = 1L << 30;

    @Test
    void aReadingStillPastTheCeilingAfterGarbageCollectionsIsReportedOnce() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        List<NativeMemory> reported = new CopyOnWriteArrayList<>();
        var readings = readings(new NativeMemory(18 * GB, 20 * GB), new NativeMemory(21 * GB, 20 * GB),
                new NativeMemory(22 * GB, 20 * GB));

        try (var watch = MemoryWatch.start(readings, collections::incrementAndGet, POLL, reported::add)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (reported.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100); // polls enough for a second report, were there one
        }

        assertThat(reported).containsExactly(new NativeMemory(22 * GB, 20 * GB));
        assertThat(collections).hasValue(MemoryWatch.COLLECTIONS);
    }

    @Test
    void aReadingBackUnderTheCeilingAfterACollectionIsNotReported() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        List<NativeMemory> reported = new CopyOnWriteArrayList<>();
        var readings = readings(new NativeMemory(18 * GB, 20 * GB), new NativeMemory(21 * GB, 20 * GB),
                new NativeMemory(19 * GB, 20 * GB));

        try (var watch = MemoryWatch.start(readings, collections::incrementAndGet, POLL, reported::add)) {
            Thread.sleep(300);
        }

        assertThat(collections).hasValue(1);
        assertThat(reported).isEmpty();
    }

    @Test
    void aProcessWithoutACeilingIsNotWatched() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        List<NativeMemory> reported = new CopyOnWriteArrayList<>();
        Supplier<NativeMemory> unlimited = () -> {
            reads.incrementAndGet();
            return new NativeMemory(64 * GB, 0);
        };

        try (var watch = MemoryWatch.start(unlimited, () -> { }, POLL, reported::add)) {
            Thread.sleep(100);
        }

        assertThat(reads).hasValue(1);
        assertThat(reported).isEmpty();
    }

    @Test
    void aWatchClosedBeforeItsFirstPollReportsNothing() throws Exception {
        List<NativeMemory> reported = new CopyOnWriteArrayList<>();
        var readings = readings(new NativeMemory(18 * GB, 20 * GB), new NativeMemory(25 * GB, 20 * GB));

        MemoryWatch.start(readings, () -> { }, Duration.ofMillis(50), reported::add).close();
        Thread.sleep(300);

        assertThat(reported).isEmpty();
    }

    /** The first reading is the start's check of the ceiling; the last one repeats. */
    private static Supplier<NativeMemory> readings(NativeMemory... values) {
        AtomicInteger next = new AtomicInteger();
        return () -> values[Math.min(next.getAndIncrement(), values.length - 1)];
    }
}

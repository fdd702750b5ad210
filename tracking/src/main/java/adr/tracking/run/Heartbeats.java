package adr.tracking.run;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes a heartbeat every few seconds on a daemon thread of its own, so a reader of the
 * Kafka topic (which cannot see the writer's lock) can tell a live run from a dead one.
 */
public final class Heartbeats implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "adr-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** Beats every {@code seconds}, the first after {@code seconds}. */
    public void start(RunRecorder recorder, int seconds, Consumer<String> warnings) {
        timer.scheduleAtFixedRate(() -> {
            try {
                recorder.heartbeat();
            } catch (RuntimeException e) {
                warnings.accept("heartbeat not written (" + e.getMessage() + ")");
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

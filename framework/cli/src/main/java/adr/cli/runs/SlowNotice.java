package adr.cli.runs;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * One line when a wait outlasts a delay: a Kafka broker that is down makes the runs
 * commands wait for their timeout, which without a word looks like a hang. Closed before
 * the delay, it says nothing, so a broker that answers at once costs no line.
 */
final class SlowNotice implements AutoCloseable {
    /** How long a wait may last before it is announced. */
    static final Duration DELAY = Duration.ofSeconds(1);

    private final Thread timer;

    SlowNotice(Duration delay, Consumer<String> out, String message) {
        timer = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return; // the wait ended first
            }
            out.accept(message);
        }, "adr-slow-notice");
        timer.setDaemon(true);
        timer.start();
    }

    @Override
    public void close() {
        timer.interrupt();
        try {
            timer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package adr.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SlowNoticeTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void aWaitEndedBeforeTheDelayCostsNoLine() {
        try (SlowNotice notice = new SlowNotice(Duration.ofMinutes(1), lines::add, "waiting...")) {
            assertThat(notice).isNotNull();
        }
        assertThat(lines).isEmpty();
    }

    @Test
    void aWaitPastTheDelayIsAnnouncedOnce() throws Exception {
        try (SlowNotice notice = new SlowNotice(Duration.ofMillis(1), lines::add, "waiting...")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (lines.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertThat(lines).containsExactly("waiting...");
    }
}

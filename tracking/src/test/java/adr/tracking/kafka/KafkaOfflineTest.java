package adr.tracking.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.tracking.events.EventJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Kafka classes do without a broker: quick failures with a fix, and no blocked training. */
class KafkaOfflineTest {

    @Test
    void settingsNameTheBadBootstrapAndTheForm() {
        assertThatThrownBy(() -> KafkaSettings.of("localhost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'localhost'").hasMessageContaining("host:port");
        assertThatThrownBy(() -> KafkaSettings.of("host:99999")).hasMessageContaining("'host:99999'");
        assertThatThrownBy(() -> KafkaSettings.of(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> new KafkaSettings("h:1", "bad topic")).hasMessageContaining("'bad topic'");
        assertThat(new KafkaSettings(" a:1,b:2 ", null)).isEqualTo(new KafkaSettings("a:1,b:2", "adr.events"));
        assertThat(KafkaSettings.of("[::1]:9092").topic()).isEqualTo(KafkaSettings.DEFAULT_TOPIC);
    }

    @Test
    void closeWithoutABrokerSaysItWaitsReturnsInTimeAndCountsTheUndelivered() throws IOException {
        SinkTuning tuning = new SinkTuning(Duration.ofMillis(1_500), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(200));
        KafkaSettings settings = closedPort("sink-offline");
        List<String> warnings = new java.util.ArrayList<>();
        KafkaSink sink = new KafkaSink(settings, new EventJson(), tuning, warnings::add);
        TestEvents.steps("run-x", 0, 3).forEach(sink::publish);

        long start = System.nanoTime();
        sink.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(warnings).containsExactly("waiting up to 1 s for Kafka (" + settings.bootstrap() + ") to take 3"
                + " more events; Ctrl-C stops the wait, and ./adr runs sync run-x --kafka-bootstrap "
                + settings.bootstrap() + " publishes them later from the run's journal");
        assertThat(sink.undelivered()).isEqualTo(3);
        assertThat(sink.acknowledged()).isZero();
        assertThatThrownBy(() -> sink.publish(TestEvents.step("run-x", 3))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sourceAndSyncFailWithTheBootstrapAndTheFix() throws IOException {
        KafkaSettings settings = closedPort("offline");
        Duration timeout = Duration.ofSeconds(2);

        assertThatThrownBy(() -> new KafkaSource(settings, timeout).replay(e -> { }, w -> { }))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessageContaining(settings.bootstrap()).hasMessageContaining("./adr kafka")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new KafkaSync(settings, timeout).sync("run-x", List.of(TestEvents.step("run-x", 0))))
                .isInstanceOf(KafkaUnavailableException.class).hasMessageContaining(settings.bootstrap());
    }

    /** Settings for a loopback port that nothing listens on. */
    private static KafkaSettings closedPort(String topic) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new KafkaSettings("127.0.0.1:" + socket.getLocalPort(), topic);
        }
    }
}

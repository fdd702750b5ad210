package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import adr.tracking.journal.JournalSource;
import adr.tracking.kafka.KafkaBrokerExtension;
import adr.tracking.metrics.DashboardQueries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboards against the real thing: Debian's Prometheus, started on loopback with a
 * 1 s scrape interval, scrapes a real training run in a child JVM (an exact run with its
 * journal only, and a reuse run that also publishes to Kafka);
 * every panel query of every dashboard must return at least one series while the
 * trainer's endpoint is up.
 */
class MetricsEndToEndTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void needsDataAndPrometheus() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist; ./adr test does it)");
        assertThat(Path.of("/usr/bin/prometheus")).as("Debian's prometheus is needed: apt-get install prometheus"
                + " (./adr test installs it)").isExecutable();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process prometheus(Path dir, int port, int target) throws IOException {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: adr-trainer
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(target));
        return new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    /** An exact run with only its journal, or a reuse run that also publishes to Kafka. */
    private static Process trainer(Path home, int metricsPort, String strategy) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Xmx2g"));
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (extension != null) {
            command.add("-Dorg.bytedeco.javacpp.platform.extension=" + extension);
        }
        command.addAll(List.of("adr.cli.Main", "train", "--home", home.toString(), "--strategy", strategy,
                "--epochs", "2", "--train-limit", "1280", "--test-limit", "500", "--metrics-port",
                String.valueOf(metricsPort), "--metrics-grace", "300"));
        if (!strategy.equals("exact")) {
            command.addAll(List.of("--sink", "kafka", "--kafka-bootstrap", KAFKA.bootstrapServers()));
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("trainer.log").toFile()).start();
    }

    private JsonNode query(int port, String promql) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        return mapper.readTree(response.body());
    }

    /**
     * Prometheus must be scraping before the trainer starts, or a short run could end
     * unseen: ready is not enough, since its target discovery hands the scrape loop its
     * targets up to five seconds later. So this waits for a first scrape attempt of the
     * (not yet listening) trainer endpoint.
     */
    private void awaitScraping(int port, Process prometheus) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(prometheus.isAlive()).as("prometheus exited; see its log").isTrue();
            try {
                HttpResponse<String> targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/targets")).build(), HttpResponse.BodyHandlers.ofString());
                if (targets.statusCode() == 200 && attemptedAScrape(mapper.readTree(targets.body()))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("prometheus did not start scraping within " + PATIENCE);
    }

    /** Go's zero time, 0001-01-01, stands for a target never scraped. */
    private static boolean attemptedAScrape(JsonNode targets) {
        for (JsonNode target : targets.path("data").path("activeTargets")) {
            if (!target.path("lastScrape").asText("0001").startsWith("0001")) {
                return true;
            }
        }
        return false;
    }

    private void awaitCompletedRun(Path home, Process trainer) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (String runId : new JournalSource(home).runIds()) {
                if (JournalReader.read(JournalLayout.journalFile(home, runId), w -> { }).stream()
                        .anyMatch(e -> e.type().equals("RunCompleted"))) {
                    assertThat(trainer.isAlive()).as("the trainer did not linger for the final scrape: "
                            + Files.readString(home.resolve("trainer.log"))).isTrue();
                    return;
                }
            }
            assertThat(trainer.isAlive()).as("the trainer exited early: " + Files.readString(home.resolve(
                    "trainer.log"))).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not complete within " + PATIENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exact", "fixed"})
    void everyDashboardQueryReturnsDataForARealRun(String strategy, @TempDir Path dir) throws Exception {
        int metricsPort = freePort();
        int prometheusPort = freePort();
        Path home = Files.createDirectories(dir.resolve("runs"));
        Process prometheus = prometheus(dir, prometheusPort, metricsPort);
        awaitScraping(prometheusPort, prometheus);
        Process trainer = trainer(home, metricsPort, strategy);
        try {
            awaitCompletedRun(home, trainer);
            Thread.sleep(3000); // a few scrapes of the final values while the endpoint lingers

            List<String> empty = new ArrayList<>();
            List<String> queries = DashboardQueries.all(REPOSITORY, Map.of());
            for (String promql : queries) {
                JsonNode answer = query(prometheusPort, promql);
                if (!"success".equals(answer.path("status").asText()) || answer.path("data").path("result").isEmpty()) {
                    empty.add(promql + " -> " + answer);
                }
            }
            assertThat(queries).hasSizeGreaterThan(20);
            assertThat(empty).as("queries without data").isEmpty();
        } finally {
            trainer.destroy();
            prometheus.destroy();
            trainer.waitFor(30, TimeUnit.SECONDS);
            prometheus.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

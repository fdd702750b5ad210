package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./adr prometheus}, the launcher's Prometheus for machines without Docker: Debian's
 * server, started through the launcher as a user starts it, scrapes the target it is given.
 */
class PrometheusCommandTest {
    private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().getParent().resolve("adr");
    /** Two 5 s scrape intervals and Prometheus's start, with room for a busy machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void scrapesTheGivenTargetEveryFiveSecondsAndKeepsItsDataInTheGivenDirectory(@TempDir Path data)
            throws Exception {
        HttpServer target = metricsEndpoint("adr_probe_value 42\n");
        int port = freePort();
        Process prometheus = launcher(data.resolve("log"), "prometheus", "--port", String.valueOf(port), "--target",
                "127.0.0.1:" + target.getAddress().getPort(), "--data", data.toString());
        try {
            assertThat(awaitValue(port, "adr_probe_value", prometheus, data.resolve("log"))).isEqualTo("42");
            assertThat(Files.readString(data.resolve("prometheus.yml"))).contains("scrape_interval: 5s")
                    .contains("- targets: [\"127.0.0.1:" + target.getAddress().getPort() + "\"]");
            assertThat(data.resolve("tsdb")).isDirectory();
            assertThat(Files.readString(data.resolve("log"))).startsWith("adr: Prometheus on http://127.0.0.1:"
                    + port + " scraping 127.0.0.1:" + target.getAddress().getPort() + " every 5 s");
        } finally {
            prometheus.destroy();
            prometheus.waitFor(30, TimeUnit.SECONDS);
            target.stop(0);
        }
    }

    @Test
    void aTakenPortABadTargetAndAnUnknownArgumentAreOneLineEach(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertRefused(dir, "adr: prometheus: 127.0.0.1:" + port + " is taken (another Prometheus?); pass another"
                    + " --port", "--port", String.valueOf(port), "--data", dir.resolve("data").toString());
        }
        assertRefused(dir, "adr: prometheus: --target must be HOST:PORT (the --metrics-host and --metrics-port of"
                + " ./adr train), got 'localhost'", "--target", "localhost");
        assertRefused(dir, "adr: prometheus: --port must be a port number 1..65535, got '70000'", "--port", "70000");
        assertRefused(dir, "adr: prometheus: unknown argument '--scrape' (./adr prometheus --help lists what it"
                + " takes)", "--scrape");
    }

    private static void assertRefused(Path dir, String line, String... arguments) throws Exception {
        Path log = dir.resolve("refused.log");
        List<String> command = new java.util.ArrayList<>(List.of("prometheus"));
        command.addAll(List.of(arguments));
        Process process = launcher(log, command.toArray(String[]::new));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).isEqualTo(line + "\n");
    }

    private static Process launcher(Path log, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static HttpServer metricsEndpoint(String exposition) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = exposition.getBytes(StandardCharsets.UTF_8);
        server.createContext("/metrics", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    /** The series' value once Prometheus has scraped it. */
    private String awaitValue(int port, String series, Process prometheus, Path log) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        ObjectMapper mapper = new ObjectMapper();
        while (System.nanoTime() < deadline) {
            assertThat(prometheus.isAlive()).as(() -> "prometheus exited: " + read(log)).isTrue();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + "/api/v1/query?query=" + series)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode result = mapper.readTree(response.body()).path("data").path("result");
                if (response.statusCode() == 200 && !result.isEmpty()) {
                    return result.get(0).path("value").get(1).asText();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("prometheus did not scrape " + series + " within " + PATIENCE + ": " + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

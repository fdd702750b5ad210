package adr.tracking.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The trainer's Prometheus scrape endpoint: {@code GET /metrics} on HOST:PORT, served by
 * the JDK's HTTP server on one daemon thread. After the run it can linger, so that a
 * short run's final values reach a Prometheus that scrapes every few seconds.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;
    private final AtomicLong scrapes = new AtomicLong();

    private MetricsEndpoint(HttpServer server, PrometheusMeterRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    /**
     * Starts serving {@code registry} on {@code host:port} (port 0 picks a free one).
     *
     * @throws IllegalArgumentException naming the address and the flags that change it when it cannot be bound
     */
    public static MetricsEndpoint start(PrometheusMeterRegistry registry, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            MetricsEndpoint endpoint = new MetricsEndpoint(server, registry);
            server.createContext("/metrics", endpoint::scrape);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "adr-metrics");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return endpoint;
        } catch (BindException e) {
            throw new IllegalArgumentException("metrics endpoint " + host + ":" + port + " cannot be bound ("
                    + e.getMessage() + "); pass another --metrics-port, or --metrics-port 0 to turn it off", e);
        } catch (IOException e) {
            throw new UncheckedIOException("metrics endpoint " + host + ":" + port + " cannot start (" + e.getMessage()
                    + ")", e);
        }
    }

    private void scrape(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            scrapes.incrementAndGet();
        }
    }

    /** The port served on (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public long scrapes() {
        return scrapes.get();
    }

    /**
     * Keeps serving for {@code grace} so that the final values get scraped, or until
     * {@code cancelled} turns true. Returns at once when nothing has ever scraped the
     * endpoint: nobody is watching, and a user without Prometheus should not wait at the
     * end of every run.
     */
    public void linger(Duration grace, BooleanSupplier cancelled) throws InterruptedException {
        if (scrapes.get() == 0) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && !cancelled.getAsBoolean()) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

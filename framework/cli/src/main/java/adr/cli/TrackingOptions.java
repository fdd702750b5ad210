package adr.cli;

import adr.tracking.journal.JournalLayout;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a run's events and metrics go and how it is recorded; shared by {@code train} and {@code demo}. */
final class TrackingOptions {
    static final String JOURNAL = "journal";
    static final String KAFKA = "kafka";
    private static final int MAX_PORT = 65_535;
    private static final String DEFAULT_METRICS_HOST = "127.0.0.1";
    private static final int DEFAULT_METRICS_GRACE = 15;

    @Option(names = "--home", paramLabel = "DIR", description = "ADR home holding run journals (default ./runs)")
    Path home = JournalLayout.DEFAULT_HOME;

    @Option(names = "--sink", paramLabel = "NAME", split = ",",
            description = "where events go besides the run's journal (always written first): kafka, and/or the name"
                    + " of a sink plugin (see adr plugins); default journal only")
    List<String> sinks = List.of(JOURNAL);

    @Option(names = "--sink-options", paramLabel = "SINK.KEY=V", split = ",",
            description = "configuration of plugin sinks, e.g. mysink.path=/tmp/events.log")
    Map<String, String> sinkOptions = new LinkedHashMap<>();

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka broker to publish the events to (implies --sink kafka)")
    String kafkaBootstrap;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC",
            description = "Kafka topic, with --kafka-bootstrap (default adr.events)")
    String kafkaTopic; // null: the default topic

    @Option(names = "--metrics-every", paramLabel = "N", description = "steps between StepMetrics events (default 10)")
    int metricsEvery = 10;

    @Option(names = "--heartbeat-seconds", paramLabel = "S", description = "seconds between heartbeats (default 10)")
    int heartbeatSeconds = 10;

    @Option(names = "--metrics-port", paramLabel = "P",
            description = "Prometheus scrape endpoint port (default 9464; 0 turns it off)")
    int metricsPort = 9464;

    @Option(names = "--metrics-host", paramLabel = "HOST",
            description = "address the endpoint binds to (default 127.0.0.1; 0.0.0.0 for every interface)")
    String metricsHost; // null: DEFAULT_METRICS_HOST

    @Option(names = "--metrics-grace", paramLabel = "S", description = "seconds the final values stay scrapable"
            + " after the run, when something has scraped the endpoint (default 15)")
    Integer metricsGrace; // null: DEFAULT_METRICS_GRACE

    /** Refuses a metrics port, host or grace no run can use, before any data is read. */
    void requireValidMetrics() {
        if (metricsPort < 0 || metricsPort > MAX_PORT) {
            throw new IllegalArgumentException("--metrics-port must be a port in 1.." + MAX_PORT
                    + ", or 0 to turn the endpoint off; got " + metricsPort);
        }
        if (metricsGrace() < 0) {
            throw new IllegalArgumentException("--metrics-grace must be 0 or more seconds, got " + metricsGrace);
        }
        if (metricsPort != 0) {
            requireLocalAddress(metricsHost());
        }
    }

    /** The address the metrics endpoint binds to. */
    String metricsHost() {
        return metricsHost == null ? DEFAULT_METRICS_HOST : metricsHost;
    }

    /** Seconds the final metrics stay scrapable after the run. */
    int metricsGrace() {
        return metricsGrace == null ? DEFAULT_METRICS_GRACE : metricsGrace;
    }

    /**
     * A warning naming the endpoint settings given with {@code --metrics-port 0}, which
     * turns the endpoint off: accepted (a script may pass them whatever the port), but not
     * silently ignored.
     */
    Optional<String> unusedMetricsSettings() {
        if (metricsPort != 0) {
            return Optional.empty();
        }
        List<String> unused = new ArrayList<>();
        if (metricsHost != null) {
            unused.add("--metrics-host");
        }
        if (metricsGrace != null) {
            unused.add("--metrics-grace");
        }
        return unused.isEmpty() ? Optional.empty() : Optional.of("--metrics-port 0 turns the metrics endpoint off, so "
                + String.join(" and ", unused) + (unused.size() == 1 ? " is" : " are") + " not used");
    }

    /**
     * The endpoint binds to {@code host}, which must name this machine: an unknown name
     * or another machine's address cannot be bound, and would surface only once the run
     * had opened.
     */
    private static void requireLocalAddress(String host) {
        String fix = "; pass an address of this machine, such as 127.0.0.1 or 0.0.0.0 (every interface)";
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--metrics-host " + host + " is not a known host name or address" + fix);
        }
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && !onThisMachine(address)) {
            throw new IllegalArgumentException("--metrics-host " + host + " (" + address.getHostAddress()
                    + ") is not an address of this machine" + fix);
        }
    }

    private static boolean onThisMachine(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true; // cannot tell: let the bind decide, as before
        }
    }

    /**
     * True when Kafka is among the sinks, or a broker was given: a user naming one expects
     * the events there. A one-line error names a missing bootstrap, also for a topic given
     * without one (it would be ignored).
     */
    boolean kafka() {
        boolean kafka = sinks.contains(KAFKA) || kafkaBootstrap != null;
        if (kafka && kafkaBootstrap == null) {
            throw new IllegalArgumentException("--sink kafka needs --kafka-bootstrap HOST:PORT"
                    + " (the broker to publish to)");
        }
        if (!kafka && kafkaTopic != null) {
            throw new IllegalArgumentException("--kafka-topic " + kafkaTopic + " needs --kafka-bootstrap HOST:PORT"
                    + " (the broker to publish to)");
        }
        return kafka;
    }

    /** The sinks that plugins must provide: every name but journal and kafka. */
    List<String> pluginSinks() {
        return sinks.stream().filter(s -> !s.equals(JOURNAL) && !s.equals(KAFKA)).distinct().toList();
    }
}

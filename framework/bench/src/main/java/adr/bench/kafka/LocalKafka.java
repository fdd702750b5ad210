package adr.bench.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A one-node Kafka broker (KRaft, broker and controller in one process) on
 * {@code 127.0.0.1:PORT}, for trying the Kafka sink without Docker: {@code adr kafka --port P}.
 * It keeps its data in a directory that outlives the process ({@code --data DIR}, by default
 * {@code TMPDIR/adr-kafka-PORT}), so a broker stopped and started again still has the
 * topic, as a real one would. Runs until killed; Ctrl-C shuts it down cleanly.
 *
 * <p>Options: {@code --port P} (default 9092), {@code --data DIR}.
 */
public final class LocalKafka {
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";
    private static final int USAGE_ERROR = 2;
    private static final String USAGE = """
            Usage: adr kafka [--port P] [--data DIR]
            Run a one-node Kafka broker on 127.0.0.1 until Ctrl-C, for ./adr train --sink kafka.
              --port P     the broker's port (default 9092)
              --data DIR   where it keeps its log, kept across restarts (default TMPDIR/adr-kafka-PORT)""";

    private final int port;
    private final Path data;

    LocalKafka(int port, Path data) {
        this.port = port;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        if (asksForHelp(args)) {
            System.out.println(USAGE);
            return;
        }
        try {
            fromArgs(args).run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a bad option or a busy port: one line, no stack trace
            System.err.println("adr kafka: " + e.getMessage());
            System.exit(USAGE_ERROR);
        }
    }

    static boolean asksForHelp(String[] args) {
        List<String> given = List.of(args);
        return given.contains("--help") || given.contains("-h");
    }

    static LocalKafka fromArgs(String[] args) {
        int port = 9092;
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = parsePort(value);
                case "--data" -> data = Path.of(require(value, "--data DIR"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; use --port P "
                        + "(default 9092) and --data DIR (./adr kafka --help)");
            }
            i++;
        }
        return new LocalKafka(port, data != null ? data
                : Path.of(System.getProperty("java.io.tmpdir"), "adr-kafka-" + port));
    }

    int port() {
        return port;
    }

    Path data() {
        return data;
    }

    void run() throws Exception {
        checkPortFree();
        createDataDirectory();
        KafkaConfig config = new KafkaConfig(BrokerConfig.of(port, freeLoopbackPort(), data), false);
        format();
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "adr-kafka-shutdown"));
        server.startup();
        System.out.println("Kafka broker listening on 127.0.0.1:" + port + " (Ctrl-C stops it)");
        System.out.println("data in " + data + "; train against it with ./adr train --sink kafka"
                + " --kafka-bootstrap 127.0.0.1:" + port);
        System.out.flush();
        server.awaitShutdown();
    }

    /** One line naming the directory and the fix, not a stack trace. */
    void createDataDirectory() {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("--data " + data + ": cannot create the directory ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); give a writable directory", e);
        }
    }

    /**
     * Writes the node's identity into an empty data directory. A directory that has one
     * already keeps it: its cluster id must not change, or the broker refuses its own data.
     */
    private void format() {
        if (Files.exists(data.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(data.toString())
                    .addDirectory(data.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare " + data + " for Kafka (" + e.getMessage()
                    + "); delete it or pick another directory with --data DIR", e);
        }
    }

    private void checkPortFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use (" + e.getMessage()
                    + "); stop what listens there or pick another with --port P", e);
        }
    }

    /** A port for the controller listener, which only this process talks to. */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int parsePort(String value) {
        String text = require(value, "--port P");
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new IllegalArgumentException("--port '" + text + "' is not a port; give a number from 1 to 65535, "
                + "for example --port 9092");
    }

    private static String require(String value, String form) {
        if (value == null) {
            throw new IllegalArgumentException("missing value; give " + form);
        }
        return value;
    }

    /** The broker's settings: loopback only, one node, replication one everywhere. */
    static final class BrokerConfig {
        private BrokerConfig() {
        }

        static Map<String, Object> of(int port, int controllerPort, Path data) {
            Map<String, Object> props = new HashMap<>();
            props.put("process.roles", "broker,controller");
            props.put("node.id", Integer.toString(NODE_ID));
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:"
                    + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
            props.put("controller.listener.names", CONTROLLER);
            props.put("inter.broker.listener.name", "PLAINTEXT");
            // a static voter set: the controller's port may change between starts without harm
            props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
            props.put("log.dirs", data.toString());
            props.put("num.partitions", "1");
            props.put("offsets.topic.replication.factor", "1");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            return props;
        }
    }
}

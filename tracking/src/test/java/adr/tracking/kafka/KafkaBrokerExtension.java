package adr.tracking.kafka;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real one-broker Kafka (KRaft) for a test class, started in process by Kafka's own test kit
 * on a loopback port: one controller node and one broker node. The broker can be stopped and
 * started again in the middle of a test; it comes back on the same port with the same log
 * directories, so clients reconnect to it and find the records written before the stop.
 *
 * <p>Register it in a static field, which starts one cluster for the whole class:
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
 * }</pre>
 * Other modules get it from the tracking test-jar, with
 * {@code org.apache.kafka:kafka-test-common-runtime} as a test dependency of their own.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {
    private static final String LEVEL = "org.slf4j.simpleLogger.log.";

    private KafkaClusterTestKit cluster;
    private String bootstrapServers;

    public KafkaBrokerExtension() {
        // The broker logs every partition and segment at INFO, and clients log each failed
        // reconnect while the broker is stopped at WARN; slf4j-simple reads a logger's level
        // from system properties when the logger is created, so this has to come first.
        quiet("org.apache.kafka", "warn");
        quiet("kafka", "warn");
        quiet("state.change.logger", "warn");
        quiet("org.apache.kafka.clients.NetworkClient", "error");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(false)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(1)
                .build();
        cluster = new KafkaClusterTestKit.Builder(nodes)
                // the sink must create its topic itself, as on clusters that do not auto-create
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // a restarted broker registers again only once the controller has let the old
                // session expire (9 s by default); short sessions make a restart take half a second
                .setConfigProp("broker.heartbeat.interval.ms", "200")
                .setConfigProp("broker.session.timeout.ms", "1500")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        // computed once: a stopped broker has no bound port to ask for
        bootstrapServers = cluster.bootstrapServers();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** {@code localhost:PORT}; stays the same across {@link #stopBroker()} and {@link #startBroker()}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Settings for this broker and the given topic. */
    public KafkaSettings settings(String topic) {
        return new KafkaSettings(bootstrapServers, topic);
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Shuts the broker down (the controller keeps running); clients see connections refused. */
    public void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    /** Starts the stopped broker again on the same port and waits until it serves requests. */
    public void startBroker() throws ExecutionException, InterruptedException {
        broker().startup();
        cluster.waitForReadyBrokers();
    }

    private BrokerServer broker() {
        if (cluster == null) {
            throw new IllegalStateException("the Kafka test cluster is not running; register KafkaBrokerExtension "
                    + "in a static field with @RegisterExtension");
        }
        return cluster.brokers().values().iterator().next();
    }

    private static void quiet(String logger, String level) {
        if (System.getProperty(LEVEL + logger) == null) {
            System.setProperty(LEVEL + logger, level);
        }
    }
}

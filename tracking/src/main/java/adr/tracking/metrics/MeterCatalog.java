package adr.tracking.metrics;

import adr.tracking.metrics.MeterSpec.Kind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every meter ADR registers, in one place (DESIGN.md section 5): the binder registers
 * exactly these, the dashboards may query only these, and a test holds both to it.
 * Tags are bounded: run, strategy and clustering (one value per run), layer (one per
 * convolution), phase (one per reuse phase), sink. Never a step or sample id.
 */
public final class MeterCatalog {
    static final List<String> RUN = List.of("run", "strategy", "clustering");
    static final List<String> LAYER = List.of("run", "strategy", "clustering", "layer");
    static final List<String> PHASE = List.of("run", "strategy", "clustering", "layer", "phase");
    static final List<String> SINK = List.of("run", "sink");

    public static final MeterSpec TRAIN_STEP = timer("adr.train.step", "wall time of one training step "
            + "(the strategy's decisions and probes, forward, backward, update)", RUN);
    public static final MeterSpec TRAIN_IMAGES = counter("adr.train.images", null, "training images processed", RUN);
    public static final MeterSpec TRAIN_LOSS = gauge("adr.train.loss", null, "training loss, smoothed as on the "
            + "console progress line (exponential average, weight 0.05 per step)", RUN);
    public static final MeterSpec TRAIN_THROUGHPUT = gauge("adr.train.images.per.second", null, "training images "
            + "per second of step time in the current epoch, as on the console progress line", RUN);
    public static final MeterSpec TRAIN_LEARNING_RATE = gauge("adr.train.learning.rate", null,
            "learning rate of the last step", RUN);
    public static final MeterSpec TRAIN_EPOCH = gauge("adr.train.epoch", null, "current epoch, from 1", RUN);
    public static final MeterSpec TRAIN_PROGRESS = gauge("adr.train.progress", "ratio",
            "fraction of the run's steps done", RUN);
    public static final MeterSpec EVAL_ACCURACY = gauge("adr.eval.accuracy", "ratio",
            "test-set accuracy after the last evaluated epoch", RUN);
    public static final MeterSpec EVAL_LOSS = gauge("adr.eval.loss", null,
            "test-set loss after the last evaluated epoch", RUN);

    public static final MeterSpec REUSE_ACTIVE = gauge("adr.reuse.active", null,
            "1 while the convolution computes on clusters, 0 while it is exact", LAYER);
    public static final MeterSpec REUSE_REMAINING_RATIO = gauge("adr.reuse.remaining.ratio", "ratio",
            "r_c of the layer's last step: clusters over rows, the fraction of the product still computed "
                    + "(1 when exact)", LAYER);
    public static final MeterSpec REUSE_CLUSTERS = gauge("adr.reuse.clusters", null,
            "clusters over all groups in the layer's last reuse step (0 when exact)", LAYER);
    public static final MeterSpec REUSE_SUBVECTOR_LENGTH = gauge("adr.reuse.subvector.length", null,
            "L, the sub-vector length the layer reuses with (0 when exact)", LAYER);
    public static final MeterSpec REUSE_HASH_BITS = gauge("adr.reuse.hash.bits", null,
            "H, the hash bits of the layer's clustering (0 when exact)", LAYER);
    public static final MeterSpec REUSE_PHASE = timer("adr.reuse.phase", "time of one phase of a reuse "
            + "convolution step (im2col, cluster, centroids, product, reconstruct, backward phases)", PHASE);
    public static final MeterSpec REUSE_CHANGES = counter("adr.reuse.config.changes", null,
            "changes of the layer's reuse configuration by the strategy or policy", LAYER);

    public static final MeterSpec EVENTS_WRITTEN = counter("adr.events.written", null,
            "events appended to the run's journal", List.of("run"));
    public static final MeterSpec EVENTS_BACKLOG = gauge("adr.events.backlog", null,
            "events handed to the sink and not yet acknowledged (Kafka while the broker is away)", SINK);
    public static final MeterSpec EVENTS_ACKNOWLEDGED = counter("adr.events.acknowledged", null,
            "events the sink's remote system acknowledged", SINK);
    public static final MeterSpec EVENTS_SEND_FAILURES = counter("adr.events.send.failures", null,
            "sends the sink had to retry", SINK);

    /** Registered by Micrometer's JVM and process binders; listed so dashboards may use them. */
    public static final List<MeterSpec> JVM = List.of(
            gauge("jvm.memory.used", "bytes", "JVM memory in use, by area and pool", List.of("area", "id")),
            gauge("jvm.memory.max", "bytes", "JVM memory limit, by area and pool", List.of("area", "id")),
            timer("jvm.gc.pause", "garbage collection pauses", List.of("action", "cause", "gc")),
            gauge("jvm.threads.live", "threads", "live JVM threads", List.of()),
            gauge("process.cpu.usage", null, "recent CPU use of this process, 0 to 1", List.of()),
            gauge("system.cpu.usage", null, "recent CPU use of the machine, 0 to 1", List.of()),
            gauge("system.cpu.count", null, "processors available to the JVM", List.of()),
            gauge("process.uptime", "seconds", "time since the JVM started", List.of()));

    private MeterCatalog() {
    }

    /** The ADR meters, in catalog order. */
    public static List<MeterSpec> adr() {
        return List.of(TRAIN_STEP, TRAIN_IMAGES, TRAIN_LOSS, TRAIN_THROUGHPUT, TRAIN_LEARNING_RATE, TRAIN_EPOCH,
                TRAIN_PROGRESS, EVAL_ACCURACY, EVAL_LOSS, REUSE_ACTIVE, REUSE_REMAINING_RATIO, REUSE_CLUSTERS,
                REUSE_SUBVECTOR_LENGTH, REUSE_HASH_BITS, REUSE_PHASE, REUSE_CHANGES, EVENTS_WRITTEN, EVENTS_BACKLOG,
                EVENTS_ACKNOWLEDGED, EVENTS_SEND_FAILURES);
    }

    /** ADR's meters and the JVM's. */
    public static List<MeterSpec> all() {
        return Stream.concat(adr().stream(), JVM.stream()).toList();
    }

    /** The meter a Prometheus series name belongs to, if any. */
    public static Optional<MeterSpec> bySeries(String series) {
        return all().stream().filter(m -> m.prometheusSeries().contains(series)).findFirst();
    }

    private static MeterSpec counter(String name, String unit, String description, List<String> tags) {
        return new MeterSpec(name, Kind.COUNTER, unit, description, tags);
    }

    private static MeterSpec gauge(String name, String unit, String description, List<String> tags) {
        return new MeterSpec(name, Kind.GAUGE, unit, description, tags);
    }

    private static MeterSpec timer(String name, String description, List<String> tags) {
        return new MeterSpec(name, Kind.TIMER, "seconds", description, tags);
    }
}

package adr.bench;

import adr.cli.Plural;
import adr.core.data.Augmentation;
import adr.core.data.Batch;
import adr.core.data.Batches;
import adr.core.data.Dataset;
import adr.core.data.Normalization;
import adr.core.model.ModelCatalog;
import adr.core.nn.Conv2d;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.ConvGeometry;
import adr.core.nn.ConvKernel;
import adr.core.nn.Layer;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import adr.core.reuse.Phase;
import adr.core.reuse.ReuseCapacity;
import adr.core.reuse.ReuseConvKernel;
import adr.core.reuse.ReuseStats;
import adr.spi.LayerShape;
import adr.spi.clustering.ClusteringFactory;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseScope;
import adr.spi.reuse.ReuseSetting;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One convolution layer's forward and backward, exact against reuse, on real
 * activations: a batch of real images pushed through the model's earlier layers.
 * Every repetition times the native exact kernel, the im2col exact kernel and the
 * reuse kernel back to back, after warm-up; the medians are reported, the exact time
 * being the faster exact path.
 */
final class ConvBenchmark {

    record Settings(String model, int batchSize, ClusteringFactory clustering, Config clusteringConfig, int length,
            int hashBits, ReuseScope scope, int warmup, int repetitions, long seed) {
    }

    record LayerResult(String layer, int outChannels, int rowLength, int batch, int length, int hashBits,
            String clustering, String exactPath, double nativeMs, double im2colMs, double exactMs, double reuseMs,
            double speedup, double remainingRatio, double relativeError, double bound, boolean padded,
            Map<String, Double> phaseMs) {

        /** The JSON entry, with the field names the conv benchmark documents. */
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", layer);
            m.put("out_channels", outChannels);
            m.put("row_length", rowLength);
            m.put("batch", batch);
            m.put("L", length);
            m.put("H", hashBits);
            m.put("clustering", clustering);
            m.put("exact_path", exactPath);
            m.put("exact_ms", exactMs);
            m.put("native_ms", nativeMs);
            m.put("im2col_ms", im2colMs);
            m.put("reuse_ms", reuseMs);
            m.put("speedup", speedup);
            m.put("remaining_ratio", remainingRatio);
            m.put("relative_error", relativeError);
            m.put("bound", bound);
            m.put("padded", padded);
            m.put("phases_ms", phaseMs);
            return m;
        }
    }

    private final Settings settings;

    ConvBenchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param progress hears a line before and after each layer: a run over all layers takes minutes
     * @param measured hears the results so far after each layer, so that they can be kept if the run stops
     */
    List<LayerResult> run(Dataset train, List<String> layerNames, Consumer<String> progress,
            Consumer<List<LayerResult>> measured) {
        Seeds seeds = new Seeds(settings.seed());
        Network net = ModelCatalog.build(settings.model(), train.sampleShape(), train.classes(), seeds,
                DataType.FLOAT, ConvAlgorithm.NATIVE);
        requireReusable(net, layerNames, Math.min(settings.batchSize(), train.size()));
        Batch batch = new Batches(train, settings.batchSize(), seeds.stream("bench/shuffle"), Augmentation.NONE,
                null, Normalization.fit(train)).iterator().next();
        Map<Conv2d, INDArray> inputs = convInputs(net, batch.images(), layerNames);
        List<LayerResult> results = new ArrayList<>();
        for (var entry : inputs.entrySet()) {
            progress.accept(String.format(Locale.ROOT, "measuring %s (%d of %d): %s + %s...",
                    entry.getKey().name(), results.size() + 1, inputs.size(),
                    Plural.of(settings.warmup(), "warm-up run"), Plural.of(settings.repetitions(), "repetition")));
            LayerResult r = measure(entry.getKey(), entry.getValue(), seeds);
            progress.accept(String.format(Locale.ROOT, "  %s: exact %.1f ms, reuse %.1f ms, speed-up %.2f", r.layer(),
                    r.exactMs(), r.reuseMs(), r.speedup()));
            results.add(r);
            measured.accept(List.copyOf(results));
        }
        return results;
    }

    /**
     * Refuses, before any data is read, a layer name that is not {@code all} or one of the
     * model's convolutions: one misspelt name among good ones is not silently skipped.
     */
    static void requireLayers(String model, List<String> names) {
        List<String> known = ModelCatalog.convolutions(model);
        List<String> unknown = names.stream().filter(n -> !n.equals("all") && !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--layer: no convolution named " + String.join(", ", unknown) + " in "
                    + model + "; known: all, " + String.join(", ", known));
        }
    }

    /**
     * Refuses a batch too large for a chosen layer's reuse arrays from the layers' shapes,
     * before any image goes through the network (which at such a batch takes gigabytes).
     */
    private void requireReusable(Network net, List<String> names, int batch) {
        List<String> refusals = new ArrayList<>();
        long[] sample = net.inputShape();
        for (Layer layer : net.layers()) {
            long[] out = layer.outputShape(sample);
            if (layer instanceof Conv2d conv && (names.contains("all") || names.contains(conv.name()))) {
                var size = new ReuseCapacity.PerImage(out[1] * out[2], Layer.elements(sample));
                ReuseCapacity.JAVA_ARRAYS.refusal(conv.shape(), setting(conv.geometry()), size, batch)
                        .ifPresent(reason -> refusals.add(conv.name() + ": " + reason));
            }
            sample = out;
        }
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", refusals) + "; lower --batch-size");
        }
    }

    private ReuseSetting setting(ConvGeometry g) {
        return new ReuseSetting(Math.min(settings.length(), g.rowLength()), settings.hashBits());
    }

    /** The input each chosen convolution sees when the batch goes through the network. */
    private static Map<Conv2d, INDArray> convInputs(Network net, INDArray images, List<String> names) {
        Map<Conv2d, INDArray> inputs = new LinkedHashMap<>();
        INDArray x = images;
        for (Layer layer : net.layers()) {
            if (layer instanceof Conv2d conv && (names.contains("all") || names.contains(conv.name()))) {
                inputs.put(conv, x.dup());
            }
            x = layer.forward(x, false);
        }
        return inputs;
    }

    private LayerResult measure(Conv2d conv, INDArray x, Seeds seeds) {
        ConvGeometry g = conv.geometry();
        INDArray w = conv.parameters().get(0).value();
        INDArray b = conv.parameters().get(1).value();
        boolean inputGradient = conv.computesInputGradient();
        ConvKernel nativeKernel = exactKernel(conv, ConvAlgorithm.NATIVE);
        ConvKernel im2colKernel = exactKernel(conv, ConvAlgorithm.IM2COL);
        ReuseSetting setting = setting(g);
        LayerShape shape = conv.shape();
        ReuseConvKernel reuse = new ReuseConvKernel(g, setting, settings.scope(), settings.clustering().create(shape,
                setting, settings.clusteringConfig(), seeds.derive("cluster/" + conv.name())), nativeKernel);

        INDArray exactOut = nativeKernel.forward(x, w, b).dup();
        INDArray dy = Nd4j.randn(seeds.derive("bench/dy"), exactOut.shape()).castTo(DataType.FLOAT);
        double relativeError = reuse.forward(x, w, b).sub(exactOut).norm2Number().doubleValue()
                / exactOut.norm2Number().doubleValue();
        Timing nativeTimes = new Timing();
        Timing im2colTimes = new Timing();
        Timing reuseTimes = new Timing();
        Map<Phase, Double> phases = new EnumMap<>(Phase.class);
        double ratioSum = 0;
        boolean padded = false;
        for (int rep = 0; rep < settings.warmup() + settings.repetitions(); rep++) {
            boolean timed = rep >= settings.warmup();
            nativeTimes.add(timed, step(nativeKernel, x, w, b, dy, inputGradient));
            im2colTimes.add(timed, step(im2colKernel, x, w, b, dy, inputGradient));
            reuseTimes.add(timed, step(reuse, x, w, b, dy, inputGradient));
            ReuseStats stats = reuse.lastStats();
            if (timed) {
                ratioSum += stats.remainingRatio();
                padded = stats.padded();
                stats.seconds().forEach((phase, s) -> phases.merge(phase, s * 1000 / settings.repetitions(),
                        Double::sum));
            }
        }
        double nativeMs = nativeTimes.median();
        double im2colMs = im2colTimes.median();
        double exactMs = Math.min(nativeMs, im2colMs);
        double ratio = ratioSum / settings.repetitions();
        Map<String, Double> phaseMs = new LinkedHashMap<>();
        phases.forEach((phase, ms) -> phaseMs.put(phase.label(), ms));
        return new LayerResult(conv.name(), g.outChannels(), g.rowLength(), (int) x.size(0), setting.subVectorLength(),
                setting.hashBits(), settings.clustering().name(), nativeMs <= im2colMs ? "native" : "im2col", nativeMs,
                im2colMs, exactMs, reuseTimes.median(), exactMs / reuseTimes.median(), ratio, relativeError,
                CostBound.speedup(ratio, setting, g.outChannels(), settings.scope(), inputGradient), padded, phaseMs);
    }

    private static ConvKernel exactKernel(Conv2d conv, ConvAlgorithm algorithm) {
        INDArray w = conv.parameters().get(0).value();
        INDArray b = conv.parameters().get(1).value();
        return new Conv2d(conv.name(), conv.geometry(), algorithm, w, b, conv.computesInputGradient()).exactKernel();
    }

    /** One forward and backward; milliseconds. */
    private static double step(ConvKernel kernel, INDArray x, INDArray w, INDArray b, INDArray dy,
            boolean inputGradient) {
        INDArray gradW = w.ulike();
        INDArray gradB = b.ulike();
        long start = System.nanoTime();
        kernel.forward(x, w, b);
        kernel.backward(x, w, dy, gradW, gradB, inputGradient);
        gradW.getDouble(0);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Timed repetitions of one kernel. */
    private static final class Timing {
        private final List<Double> ms = new ArrayList<>();

        void add(boolean timed, double value) {
            if (timed) {
                ms.add(value);
            }
        }

        double median() {
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        }
    }
}

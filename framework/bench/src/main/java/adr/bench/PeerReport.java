package adr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The JSON record of one {@code adr bench peer} run: the headline figures first (median
 * round of each engine), then what produced them, then every round and step time so a
 * reader can judge the spread. Field names are the record components in snake_case.
 */
public record PeerReport(String model, String dataset, int batchSize, int warmupSteps, int rounds,
        int stepsPerRound, double oursImagesPerSecond, double peerImagesPerSecond, double ratio,
        double oursMsPerStep, double peerMsPerStep, double oursMedianStepMs, double peerMedianStepMs,
        String nd4jBackend, String exactConv, boolean peerOnednnRequested, String peerConvHelper,
        long parameters, long seed, double learningRate, double oursLastLoss, double peerLastLoss,
        int availableProcessors, String javaVersion, String time,
        double[] oursRoundImagesPerSecond, double[] peerRoundImagesPerSecond,
        double[][] oursStepMs, double[][] peerStepMs) {

    static PeerReport of(PeerBenchmark.Result r, String dataset, String nd4jBackend) {
        var s = r.settings();
        return new PeerReport(s.model(), dataset, s.batchSize(), s.warmupSteps(), s.rounds(), s.stepsPerRound(),
                r.ours().imagesPerSecond(), r.peer().imagesPerSecond(), r.ratio(),
                r.ours().msPerStep(), r.peer().msPerStep(), r.ours().medianStepMs(), r.peer().medianStepMs(),
                nd4jBackend, r.exactConv(), s.peerHelpers(), r.peerConvHelper(),
                r.parameters(), s.seed(), s.learningRate(), r.oursLastLoss(), r.peerLastLoss(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Instant.now().toString(),
                r.ours().roundImagesPerSecond(), r.peer().roundImagesPerSecond(),
                r.ours().stepMillis(), r.peer().stepMillis());
    }

    void write(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
        Files.write(file, mapper.writeValueAsBytes(this));
    }
}

package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerReportTest {

    @Test
    void writesTheHeadlineFieldsInSnakeCase(@TempDir Path dir) throws Exception {
        var settings = new PeerBenchmark.Settings("cifarnet", 2, 1, 1, 2, 7, 0.02, true);
        var ours = new RoundTimes("adr", 2, new long[][] {{10_000_000, 10_000_000}});
        var peer = new RoundTimes("dl4j", 2, new long[][] {{20_000_000, 20_000_000}});
        var result = new PeerBenchmark.Result(settings, "NATIVE", "MKLDNNConvHelper", 123, ours, peer, 1.5, 1.6);
        Path file = dir.resolve("peer.json");

        PeerReport.of(result, "fashion-mnist", "linux-x86_64-onednn-avx2").write(file);

        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.get("model").asText()).isEqualTo("cifarnet");
        assertThat(json.get("dataset").asText()).isEqualTo("fashion-mnist");
        assertThat(json.get("batch_size").asInt()).isEqualTo(2);
        assertThat(json.get("warmup_steps").asInt()).isEqualTo(1);
        assertThat(json.get("rounds").asInt()).isEqualTo(1);
        assertThat(json.get("steps_per_round").asInt()).isEqualTo(2);
        assertThat(json.get("ours_images_per_second").asDouble()).isEqualTo(200.0);
        assertThat(json.get("peer_images_per_second").asDouble()).isEqualTo(100.0);
        assertThat(json.get("ratio").asDouble()).isEqualTo(2.0);
        assertThat(json.get("ours_ms_per_step").asDouble()).isEqualTo(10.0);
        assertThat(json.get("peer_ms_per_step").asDouble()).isEqualTo(20.0);
        assertThat(json.get("nd4j_backend").asText()).isEqualTo("linux-x86_64-onednn-avx2");
        assertThat(json.get("exact_conv").asText()).isEqualTo("NATIVE");
        assertThat(json.get("peer_conv_helper").asText()).isEqualTo("MKLDNNConvHelper");
        assertThat(json.get("ours_step_ms").get(0).size()).isEqualTo(2);
    }
}

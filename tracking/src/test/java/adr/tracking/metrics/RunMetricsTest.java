package adr.tracking.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.core.experiment.CompositeObserver;
import adr.core.experiment.RunObserver;
import adr.core.train.TrainingPace;
import adr.tracking.run.TrainingRunEvents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real short reuse run with its metrics endpoint, scraped over HTTP: the series are
 * exactly the catalog's, and the numbers the console shows are the numbers scraped.
 */
class RunMetricsTest {

    @BeforeAll
    static void needsFashionMnist() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist; ./adr test does it)");
    }

    private static String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Series name to the value of its first sample. */
    private static Map<String, Double> samples(String exposition) {
        Map<String, Double> values = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = line.replaceFirst("[{ ].*", "");
            String value = line.substring(line.lastIndexOf(' ') + 1);
            values.putIfAbsent(name, Double.parseDouble(value));
        }
        return values;
    }

    @Test
    void aReuseRunExposesExactlyTheCatalogAndTheConsolesNumbers(@TempDir Path home) throws Exception {
        TrainingPace pace = new TrainingPace();
        try (RunMetrics metrics = new RunMetrics("run-m", pace, () -> 42, null, "127.0.0.1", 0)) {
            RunObserver observed = new CompositeObserver(List.of(RunObserver.of(pace), metrics.recorder()));
            TrainingRunEvents.train(home, "run-m", TrainingRunEvents.config("fixed", null), List.of(), observed);

            Map<String, Double> scraped = samples(scrape(metrics.port()));

            Set<String> adrSeries = scraped.keySet().stream().filter(n -> n.startsWith("adr_"))
                    .collect(Collectors.toSet());
            Set<String> catalogSeries = MeterCatalog.adr().stream().flatMap(m -> m.prometheusSeries().stream())
                    .collect(Collectors.toSet());
            assertThat(adrSeries).containsExactlyInAnyOrderElementsOf(catalogSeries);
            for (MeterSpec jvm : MeterCatalog.JVM) {
                assertThat(scraped.keySet()).as(jvm.name()).containsAll(jvm.prometheusSeries());
            }
            assertThat(scraped.get("adr_train_loss")).isEqualTo(pace.smoothedLoss());
            assertThat(scraped.get("adr_train_images_per_second")).isEqualTo(pace.imagesPerSecond());
            assertThat(scraped.get("adr_train_learning_rate")).isEqualTo(pace.learningRate());
            assertThat(scraped.get("adr_train_progress_ratio")).isEqualTo(1.0);
            assertThat(scraped.get("adr_events_written_total")).isEqualTo(42.0);
            assertThat(scraped.get("adr_train_images_total")).isEqualTo(320.0);
        }
    }

    @Test
    void theEventCountersFollowTheirSourcesAfterGarbageCollections() throws Exception {
        AtomicLong written = new AtomicLong();
        try (RunMetrics metrics = new RunMetrics("run-gc", new TrainingPace(), written::get, null, "127.0.0.1", 0)) {
            // a meter holds its source weakly; a method reference nothing else holds would be collected
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            written.set(7);

            Map<String, Double> scraped = samples(scrape(metrics.port()));

            assertThat(scraped.get("adr_events_written_total")).isEqualTo(7.0);
            assertThat(scraped.get("adr_events_acknowledged_total")).as("the journal acknowledges what it writes")
                    .isEqualTo(7.0);
        }
    }

    @Test
    void aTakenPortIsOneLineNamingTheFlags() {
        TrainingPace pace = new TrainingPace();
        try (RunMetrics first = new RunMetrics("a", pace, () -> 0, null, "127.0.0.1", 0)) {
            assertThatThrownBy(() -> new RunMetrics("b", pace, () -> 0, null, "127.0.0.1", first.port()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--metrics-port")
                    .hasMessageContaining("cannot be bound");
        }
    }
}

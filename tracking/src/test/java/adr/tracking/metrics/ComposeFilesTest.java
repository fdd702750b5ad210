package adr.tracking.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Checks the docker compose stack without a Docker engine (none exists on these machines):
 * the files parse, every mount exists, and the names and ports the services use to reach
 * each other agree across the compose file, prometheus.yml and Grafana's provisioning.
 */
class ComposeFilesTest {
    private final Path root = Path.of("").toAbsolutePath().getParent();
    private final Path docker = root.resolve("docker");
    private final YAMLMapper yaml = new YAMLMapper();

    @Test
    void composeFileDefinesTheFourServices() throws IOException {
        assertThat(compose().path("version").asText()).isEqualTo("3.8");
        assertThat(services().fieldNames()).toIterable().contains("kafka", "prometheus", "grafana", "trainer");
    }

    @Test
    void everyMountedHostPathExists() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        services().fields().forEachRemaining(service -> {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String host = hostPart(volume.asText());
                // named volumes (no path) live in Docker, not in the repository
                if (host.startsWith(".") || host.startsWith("/")) {
                    soft.assertThat(docker.resolve(host).normalize()).as(service.getKey() + " mounts " + host)
                            .exists();
                }
            }
        });
        soft.assertAll();
    }

    @Test
    void trainerIsBuiltFromTheDockerfileAndRunsTheLauncher() throws IOException {
        JsonNode build = services().path("trainer").path("build");
        Path context = docker.resolve(build.path("context").asText()).normalize();
        assertThat(context).isEqualTo(root.normalize());
        Path dockerfile = context.resolve(build.path("dockerfile").asText());
        assertThat(dockerfile).exists();
        assertThat(Files.readString(dockerfile)).contains("bookworm", "openjdk-17-jdk-headless", "maven",
                "dataset-fashion-mnist", "ENTRYPOINT [\"./adr\"]");
        assertThat(command("trainer")).startsWith("train").contains("--sink", "kafka", "--kafka-bootstrap",
                "kafka:9092", "--strategy", "fixed");
    }

    @Test
    void prometheusScrapesTheTrainersMetricsPort() throws IOException {
        List<String> command = command("trainer");
        // the endpoint binds to loopback unless told otherwise (DESIGN.md section 5)
        assertThat(flag(command, "--metrics-host")).isEqualTo("0.0.0.0");
        String port = flag(command, "--metrics-port");
        assertThat(texts(services().path("trainer").path("expose"))).contains(port);

        JsonNode job = scrapeJob("adr-trainer");
        assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(texts(job.path("static_configs").path(0).path("targets"))).containsExactly("trainer:" + port);
        assertThat(volumes("prometheus")).contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void grafanaDatasourcePointsAtThePrometheusService() throws IOException {
        JsonNode datasource = readYaml(root.resolve("grafana/provisioning/datasources/prometheus.yaml"))
                .path("datasources").path(0);
        assertThat(datasource.path("uid").asText()).isEqualTo("adr-prometheus");
        URI url = URI.create(datasource.path("url").asText());
        assertThat(services().has(url.getHost())).as("a service named " + url.getHost()).isTrue();
        List<String> containerPorts = texts(services().path(url.getHost()).path("ports")).stream()
                .map(p -> p.substring(p.lastIndexOf(':') + 1)).toList();
        assertThat(containerPorts).contains(String.valueOf(url.getPort()));
    }

    @Test
    void grafanaLoadsProvisioningAndDashboardsFromTheirMounts() throws IOException {
        List<String> mounts = volumes("grafana");
        assertThat(mounts).anyMatch(m -> m.startsWith("../grafana/provisioning:/etc/grafana/provisioning"));
        String dashboards = mounts.stream().filter(m -> m.startsWith("../grafana/dashboards:")).findFirst()
                .map(m -> m.split(":")[1]).orElseThrow(() -> new AssertionError("grafana/dashboards is not mounted"));
        JsonNode provider = readYaml(root.resolve("grafana/provisioning/dashboards/adr.yaml")).path("providers")
                .path(0);
        assertThat(provider.path("options").path("path").asText()).isEqualTo(dashboards);
        assertThat(provider.path("folder").asText()).isEqualTo("ADR");
        assertThat(services().path("grafana").path("environment").path("GF_AUTH_ANONYMOUS_ENABLED").asText())
                .isEqualTo("true");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Process process = startDockerCompose();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finished").isTrue();
        assertThat(process.exitValue()).as("docker-compose config -q says:\n" + output).isZero();
    }

    private Process startDockerCompose() {
        try {
            return new ProcessBuilder("docker-compose", "-f", "docker/docker-compose.yml", "config", "-q")
                    .directory(root.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("docker-compose is not installed: install the Debian package docker-compose "
                    + "(apt-get install -y docker-compose; ./adr test installs it)", e);
        }
    }

    private JsonNode compose() throws IOException {
        return readYaml(docker.resolve("docker-compose.yml"));
    }

    private JsonNode services() throws IOException {
        return compose().path("services");
    }

    private JsonNode scrapeJob(String name) throws IOException {
        for (JsonNode job : readYaml(docker.resolve("prometheus.yml")).path("scrape_configs")) {
            if (name.equals(job.path("job_name").asText())) {
                return job;
            }
        }
        throw new AssertionError("prometheus.yml has no scrape job " + name);
    }

    /** The service's command as a list: compose accepts a list or one string split on spaces. */
    private List<String> command(String service) throws IOException {
        JsonNode command = services().path(service).path("command");
        return command.isArray() ? texts(command) : List.of(command.asText().trim().split("\\s+"));
    }

    private List<String> volumes(String service) throws IOException {
        return texts(services().path(service).path("volumes"));
    }

    private static String flag(List<String> command, String name) {
        int at = command.indexOf(name);
        assertThat(at).as(name + " in " + command).isNotNegative().isLessThan(command.size() - 1);
        return command.get(at + 1);
    }

    /** The host side of a short-syntax volume, HOST:CONTAINER[:MODE], or the volume's name. */
    private static String hostPart(String volume) {
        int colon = volume.indexOf(':');
        return colon < 0 ? volume : volume.substring(0, colon);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private JsonNode readYaml(Path file) throws IOException {
        return yaml.readTree(file.toFile());
    }
}

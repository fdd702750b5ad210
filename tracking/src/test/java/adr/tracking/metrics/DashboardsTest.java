package adr.tracking.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import adr.tracking.metrics.DashboardQueries.Dashboard;
import adr.tracking.metrics.DashboardQueries.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds the Grafana dashboards to the meter catalog, to Grafana's conventions and to PromQL. */
class DashboardsTest {
    private static final Set<String> FILES = Set.of("training-overview.json", "deep-reuse.json", "comparison.json",
            "tracking-health.json");
    private static final String DATASOURCE_UID = "${datasource}";
    private static final Pattern RANGE_FUNCTION = Pattern.compile("\\b(rate|irate|increase)\\s*\\(");
    private static final Pattern RULE_NAME = Pattern.compile("adr_dashboard:query_(\\d+)");
    private static final Pattern RANGE = Pattern.compile("\\[([^\\]]*)]");
    // label_values(selector, label): the selector is PromQL and names a metric too
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)");

    private final Path root = Path.of("").toAbsolutePath().getParent();
    private final List<Dashboard> dashboards = DashboardQueries.dashboards(root);

    @Test
    void theFourDashboardsAreLiveViewsTaggedAdr() {
        assertThat(dashboards).extracting(Dashboard::name).containsExactlyInAnyOrderElementsOf(FILES);
        SoftAssertions soft = new SoftAssertions();
        for (Dashboard d : dashboards) {
            JsonNode m = d.model();
            soft.assertThat(m.path("uid").asText()).as(d.name() + " uid").startsWith("adr-");
            soft.assertThat(m.path("title").asText()).as(d.name() + " title").isNotBlank();
            soft.assertThat(m.path("tags").toString()).as(d.name() + " tags").isEqualTo("[\"adr\"]");
            soft.assertThat(m.path("refresh").asText()).as(d.name() + " refresh").isEqualTo("5s");
            soft.assertThat(m.path("time").path("from").asText()).as(d.name() + " time").isEqualTo("now-30m");
            soft.assertThat(m.path("schemaVersion").asInt()).as(d.name() + " schemaVersion").isEqualTo(39);
        }
        soft.assertThat(dashboards).extracting(d -> d.model().path("uid").asText()).doesNotHaveDuplicates();
        soft.assertAll();
    }

    @Test
    void everyDashboardOffersTheDatasourceAndRunVariables() {
        SoftAssertions soft = new SoftAssertions();
        for (Dashboard d : dashboards) {
            JsonNode datasource = variable(d, "datasource");
            soft.assertThat(datasource.path("type").asText()).as(d.name() + " $datasource").isEqualTo("datasource");
            soft.assertThat(datasource.path("query").asText()).as(d.name() + " $datasource").isEqualTo("prometheus");
            JsonNode run = variable(d, "run");
            soft.assertThat(run.path("query").asText()).as(d.name() + " $run")
                    .isEqualTo("label_values(adr_train_epoch, run)");
            soft.assertThat(run.path("multi").asBoolean() && run.path("includeAll").asBoolean())
                    .as(d.name() + " $run is multi-value with All").isTrue();
            soft.assertThat(run.path("allValue").asText()).as(d.name() + " $run All").isEqualTo(".*");
        }
        soft.assertAll();
    }

    @Test
    void everyPanelHasTitleDescriptionUnitAndTheDatasourceVariable() {
        SoftAssertions soft = new SoftAssertions();
        for (Dashboard d : dashboards) {
            d.rows().forEach(r -> soft.assertThat(r.path("title").asText()).as(d.name() + " row").isNotBlank());
            soft.assertThat(d.panels()).as(d.name() + " panels").isNotEmpty();
            for (JsonNode panel : d.panels()) {
                String where = d.name() + " / " + panel.path("title").asText("(untitled)");
                soft.assertThat(panel.path("title").asText()).as(where + " title").isNotBlank();
                soft.assertThat(panel.path("description").asText()).as(where + " description").isNotBlank();
                soft.assertThat(panel.path("fieldConfig").path("defaults").path("unit").asText()).as(where + " unit")
                        .isNotBlank();
                assertUsesDatasourceVariable(soft, panel, where);
                soft.assertThat(panel.path("targets")).as(where + " targets").isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertUsesDatasourceVariable(soft, target, where + " target " + target.path("refId").asText());
                    soft.assertThat(target.path("expr").asText()).as(where + " expr").isNotBlank();
                }
            }
            for (JsonNode a : d.model().path("annotations").path("list")) {
                if (a.hasNonNull("expr")) {
                    assertUsesDatasourceVariable(soft, a, d.name() + " annotation " + a.path("name").asText());
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void everyRateUsesTheRateInterval() {
        SoftAssertions soft = new SoftAssertions();
        for (Query q : allQueries()) {
            Matcher call = RANGE_FUNCTION.matcher(q.expr());
            while (call.find()) {
                List<String> ranges = ranges(q.expr(), call.end() - 1);
                soft.assertThat(ranges).as(q + " (" + call.group(1) + ")").isNotEmpty()
                        .allMatch("$__rate_interval"::equals);
            }
        }
        soft.assertAll();
    }

    @Test
    void dashboardsQueryOnlyCatalogSeries() {
        SoftAssertions soft = new SoftAssertions();
        for (Query q : allQueries()) {
            Set<String> names = DashboardQueries.metricNames(q.expr());
            soft.assertThat(names).as(q + " selects no metric").isNotEmpty();
            names.forEach(n -> soft.assertThat(MeterCatalog.bySeries(n)).as(q + ": " + n + " is not in MeterCatalog")
                    .isPresent());
        }
        soft.assertAll();
    }

    @Test
    void everyAdrMeterIsOnSomeDashboard() {
        Set<String> used = new TreeSet<>();
        allQueries().forEach(q -> used.addAll(DashboardQueries.metricNames(q.expr())));
        List<String> missing = MeterCatalog.adr().stream()
                .filter(m -> m.prometheusSeries().stream().noneMatch(used::contains)).map(MeterSpec::name).toList();
        assertThat(missing).as("ADR meters no dashboard shows").isEmpty();
    }

    @Test
    void adaptationChangesShowAsAnnotationAndAsAnLAndHTimeline() {
        Dashboard reuse = dashboard("deep-reuse.json");
        assertThat(reuse.annotationQueries()).extracting(Query::expr)
                .anyMatch(e -> e.contains("adr_reuse_config_changes_total"));
        assertThat(reuse.panels()).filteredOn(p -> "state-timeline".equals(p.path("type").asText()))
                .extracting(p -> p.path("targets").toString())
                .anyMatch(t -> t.contains("adr_reuse_subvector_length") && t.contains("adr_reuse_hash_bits"));
    }

    @Test
    void scannerFindsOnlyMetricNames() {
        String expr = "sum by (run, phase) (rate(adr_a_sum{run=~\"$run\", layer=\"x y\"}[$__rate_interval]))"
                + " / on (run) group_left () sum without (job) (adr_b offset 5m) > bool 1e-3"
                + " and ignoring (sink) max(b_total{q='}'} @ start()) unless ${var} or c:recorded";
        assertThat(DashboardQueries.metricNames(expr)).containsExactly("adr_a_sum", "adr_b", "b_total", "c:recorded");
    }

    @Test
    void promtoolAcceptsEveryQuery(@TempDir Path dir) throws Exception {
        List<String> exprs = new ArrayList<>(DashboardQueries.all(root, Map.of()));
        exprs.addAll(DashboardQueries.annotations(root, Map.of()));
        exprs.addAll(DashboardQueries.all(root, Map.of("run", "run-1", "layer", "conv2", "strategy", "fixed")));
        exprs.addAll(variableSelectors());
        Path rules = dir.resolve("dashboards.rules.yml");
        new YAMLMapper().writeValue(rules.toFile(), recordingRules(exprs));
        Process promtool = startPromtool(rules);
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        if (promtool.exitValue() != 0) {
            fail("promtool rejects a dashboard query:\n" + output + "\n" + rejected(output, exprs));
        }
    }

    /** The queries promtool names by rule (adr_dashboard:query_N), since its output shows only the rule. */
    private static String rejected(String output, List<String> exprs) {
        return RULE_NAME.matcher(output).results().map(r -> Integer.parseInt(r.group(1))).distinct()
                .map(i -> "query_" + i + ": " + exprs.get(i)).collect(Collectors.joining("\n"));
    }

    private static Process startPromtool(Path rules) {
        try {
            return new ProcessBuilder("promtool", "check", "rules", rules.toString()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not installed: install the Debian package prometheus "
                    + "(apt-get install -y prometheus; ./adr test installs it)", e);
        }
    }

    private static Map<String, Object> recordingRules(List<String> exprs) {
        List<Map<String, String>> rules = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            Map<String, String> rule = new LinkedHashMap<>();
            rule.put("record", "adr_dashboard:query_" + i);
            rule.put("expr", exprs.get(i));
            rules.add(rule);
        }
        return Map.of("groups", List.of(Map.of("name", "adr-dashboards", "rules", rules)));
    }

    /** Every query: panels, annotations, and the selectors inside variables' label_values(). */
    private List<Query> allQueries() {
        List<Query> queries = new ArrayList<>();
        for (Dashboard d : dashboards) {
            queries.addAll(d.panelQueries());
            queries.addAll(d.annotationQueries());
            queries.addAll(variableQueries(d));
        }
        return queries;
    }

    private static List<Query> variableQueries(Dashboard d) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode v : d.model().path("templating").path("list")) {
            Matcher m = LABEL_VALUES.matcher(v.path("query").asText());
            if (m.matches()) {
                queries.add(new Query(d.name(), "variable " + v.path("name").asText(), m.group(1)));
            }
        }
        return queries;
    }

    private List<String> variableSelectors() {
        return dashboards.stream()
                .flatMap(d -> variableQueries(d).stream().map(q -> d.substitute(q.expr(), Map.of()))).toList();
    }

    /** The range selectors inside the call whose parenthesis opens at {@code open}. */
    private static List<String> ranges(String expr, int open) {
        int depth = 0;
        int close = open;
        while (close < expr.length()) {
            char c = expr.charAt(close);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                break;
            }
            close++;
        }
        return RANGE.matcher(expr.substring(open, close)).results().map(r -> r.group(1).trim()).toList();
    }

    private void assertUsesDatasourceVariable(SoftAssertions soft, JsonNode node, String where) {
        JsonNode ds = node.path("datasource");
        soft.assertThat(ds.path("type").asText() + " " + ds.path("uid").asText()).as(where + " datasource")
                .isEqualTo("prometheus " + DATASOURCE_UID);
    }

    private static JsonNode variable(Dashboard d, String name) {
        for (JsonNode v : d.model().path("templating").path("list")) {
            if (name.equals(v.path("name").asText())) {
                return v;
            }
        }
        throw new AssertionError(d.name() + " has no $" + name + " variable");
    }

    private Dashboard dashboard(String name) {
        return dashboards.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }
}

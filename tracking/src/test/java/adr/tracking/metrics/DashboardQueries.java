package adr.tracking.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL of ADR's Grafana dashboards ({@code grafana/dashboards/*.json}), read as Grafana
 * reads it: panels nested in collapsed rows count, and Grafana's variables are substituted
 * before a query reaches Prometheus. Tests use it to hold the dashboards to the meter catalog
 * and to run every query against a real Prometheus.
 *
 * <p>Variable values, most specific last: Grafana's interval built-ins (values a test
 * Prometheus accepts), then each dashboard variable's "All" value ({@code .*}), then the
 * caller's map (keys without {@code $}, e.g. {@code "run" -> "my-run"}).
 */
public final class DashboardQueries {
    /** Grafana's own interval variables; a test has no panel width or time picker to derive them from. */
    static final Map<String, String> BUILT_INS = Map.of("__rate_interval", "1m", "__interval", "15s",
            "__range", "30m");

    // $name, ${name} and ${name:format}, and the deprecated [[name]]
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\[\\[(\\w+)]]|\\$(\\w+)");

    /** One query of a dashboard, before substitution, with where it comes from for messages. */
    public record Query(String dashboard, String panel, String expr) {
        @Override
        public String toString() {
            return dashboard + " / " + panel + ": " + expr;
        }
    }

    /** A dashboard file and its JSON model. */
    public record Dashboard(Path file, JsonNode model) {
        public String name() {
            return file.getFileName().toString();
        }

        /** Every panel that shows data, including those nested in (collapsed) rows; rows themselves are left out. */
        public List<JsonNode> panels() {
            List<JsonNode> panels = new ArrayList<>();
            collectPanels(model.path("panels"), panels);
            return panels;
        }

        /** The rows, which hold no queries of their own. */
        public List<JsonNode> rows() {
            List<JsonNode> rows = new ArrayList<>();
            model.path("panels").forEach(p -> {
                if (isRow(p)) {
                    rows.add(p);
                }
            });
            return rows;
        }

        public List<Query> panelQueries() {
            List<Query> queries = new ArrayList<>();
            for (JsonNode panel : panels()) {
                panel.path("targets").forEach(t -> queries.add(new Query(name(), panel.path("title").asText(),
                        t.path("expr").asText())));
            }
            return queries;
        }

        public List<Query> annotationQueries() {
            List<Query> queries = new ArrayList<>();
            model.path("annotations").path("list").forEach(a -> {
                if (a.hasNonNull("expr")) {
                    queries.add(new Query(name(), "annotation " + a.path("name").asText(), a.path("expr").asText()));
                }
            });
            return queries;
        }

        /** The variables' default values: each multi-value variable's "All" regex. */
        Map<String, String> variableDefaults() {
            Map<String, String> defaults = new HashMap<>();
            model.path("templating").path("list").forEach(v -> {
                if (v.hasNonNull("allValue")) {
                    defaults.put(v.path("name").asText(), v.path("allValue").asText());
                }
            });
            return defaults;
        }

        /** {@code expr} with every variable replaced; a variable without a value is an error naming it. */
        public String substitute(String expr, Map<String, String> variables) {
            Map<String, String> values = new HashMap<>(BUILT_INS);
            values.putAll(variableDefaults());
            values.putAll(variables);
            Matcher m = VARIABLE.matcher(expr);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = Stream.of(m.group(1), m.group(2), m.group(3)).filter(Objects::nonNull).findFirst().get();
                String value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException(name() + " uses $" + name + " but no value was given for it: "
                            + expr);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            return m.appendTail(out).toString();
        }
    }

    private DashboardQueries() {
    }

    /** Every panel query of every dashboard, variables substituted, ready for Prometheus. */
    public static List<String> all(Path repoRoot, Map<String, String> variables) {
        List<String> all = new ArrayList<>();
        for (Dashboard d : dashboards(repoRoot)) {
            d.panelQueries().forEach(q -> all.add(d.substitute(q.expr(), variables)));
        }
        return all;
    }

    /** The annotation queries of every dashboard, variables substituted. */
    public static List<String> annotations(Path repoRoot, Map<String, String> variables) {
        List<String> all = new ArrayList<>();
        for (Dashboard d : dashboards(repoRoot)) {
            d.annotationQueries().forEach(q -> all.add(d.substitute(q.expr(), variables)));
        }
        return all;
    }

    /** The dashboards under {@code grafana/dashboards}, sorted by file name. */
    public static List<Dashboard> dashboards(Path repoRoot) {
        Path dir = repoRoot.resolve("grafana").resolve("dashboards");
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            List<Dashboard> dashboards = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(new Dashboard(file, json.readTree(file.toFile())));
            }
            return dashboards;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboards in " + dir, e);
        }
    }

    /** The metric names a PromQL expression selects (see {@link PromQlNames}). */
    public static Set<String> metricNames(String expr) {
        return new PromQlNames(expr).metricNames();
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            if (isRow(panel)) {
                collectPanels(panel.path("panels"), into);
            } else {
                into.add(panel);
            }
        }
    }

    private static boolean isRow(JsonNode panel) {
        return "row".equals(panel.path("type").asText());
    }

    /**
     * A small PromQL scanner that tells metric names from everything else: a bare identifier
     * is a metric name unless it calls a function (followed by {@code (}), is an aggregation
     * operator or a keyword, or sits where only label names or literals may: inside
     * {@code {...}} matchers, {@code [...]} ranges, strings, and the label lists of {@code by}, {@code without},
     * {@code on}, {@code ignoring}, {@code group_left} and {@code group_right}. Grafana
     * variables ({@code $name}, {@code ${name}}) are skipped, so raw dashboard queries work too.
     */
    static final class PromQlNames {
        private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
                "group_right");
        private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf",
                "nan");
        // aggregation operators may be followed by "by (...)" before their parenthesis: sum by (run) (x)
        private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev",
                "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

        private final String text;
        private int pos;

        PromQlNames(String text) {
            this.text = text;
        }

        Set<String> metricNames() {
            Set<String> names = new TreeSet<>();
            pos = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '"' || c == '\'' || c == '`') {
                    skipString();
                } else if (c == '{') {
                    skipBlock('{', '}');
                } else if (c == '[') {
                    skipBlock('[', ']');
                } else if (c == '#') {
                    skipComment();
                } else if (c == '$') {
                    pos++;
                    skipVariableName();
                } else if (Character.isDigit(c) || c == '.') {
                    skipWhile(c2 -> isWordPart(c2) || c2 == '.');
                } else if (isWordStart(c)) {
                    word(names);
                } else {
                    pos++;
                }
            }
            return names;
        }

        private void word(Set<String> names) {
            int start = pos;
            skipWhile(PromQlNames::isWordPart);
            String word = text.substring(start, pos);
            boolean call = nextNonSpace() == '(';
            if (LABEL_LISTS.contains(word)) {
                if (call) {
                    pos = text.indexOf('(', pos);
                    skipBlock('(', ')');
                }
            } else if (!call && !KEYWORDS.contains(word.toLowerCase()) && !AGGREGATIONS.contains(word)) {
                names.add(word);
            }
        }

        private char nextNonSpace() {
            int i = pos;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i < text.length() ? text.charAt(i) : '\0';
        }

        /** Skips from an opening bracket past its match, stepping over strings inside. */
        private void skipBlock(char open, char close) {
            int depth = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '"' || c == '\'' || c == '`') {
                    skipString();
                    continue;
                }
                pos++;
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return;
                }
            }
        }

        private void skipString() {
            char quote = text.charAt(pos++);
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\\' && quote != '`') {
                    pos++;
                } else if (c == quote) {
                    return;
                }
            }
        }

        private void skipVariableName() {
            if (pos < text.length() && text.charAt(pos) == '{') {
                skipBlock('{', '}');
            } else {
                skipWhile(PromQlNames::isWordPart);
            }
        }

        private void skipComment() {
            while (pos < text.length() && text.charAt(pos) != '\n') {
                pos++;
            }
        }

        private void skipWhile(IntPredicate part) {
            while (pos < text.length() && part.test(text.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isWordStart(int c) {
            return Character.isLetter(c) || c == '_' || c == ':';
        }

        private static boolean isWordPart(int c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == ':';
        }
    }
}

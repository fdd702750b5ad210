package adr.cli.runs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain-text table: columns two spaces apart, numbers aligned right so that their
 * digits line up, everything else left. A column counts as numeric when all its cells
 * are numbers (with an optional unit) or the empty-value dash.
 */
public final class TextTable {
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?( ?[%a-zA-Z/]+)?|[0-9]+/[0-9]+|-");

    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = header.clone();
    }

    public TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("row of " + cells.length + " cells for " + header.length + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the table, each line indented by {@code indent}. */
    public void print(PrintWriter out, String indent) {
        print(out, indent, true);
    }

    /** Prints the rows only: a key/value list aligned like a table. */
    void printRows(PrintWriter out, String indent) {
        print(out, indent, false);
    }

    private void print(PrintWriter out, String indent, boolean withHeader) {
        int[] widths = new int[header.length];
        boolean[] right = new boolean[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            right[c] = !rows.isEmpty();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
                right[c] &= NUMBER.matcher(row[c]).matches();
            }
        }
        if (withHeader) {
            out.println(line(header, widths, right, indent));
        }
        for (String[] row : rows) {
            out.println(line(row, widths, right, indent));
        }
        out.flush();
    }

    private static String line(String[] cells, int[] widths, boolean[] right, String indent) {
        StringBuilder text = new StringBuilder(indent);
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(widths[c] - cells[c].length());
            text.append(right[c] ? pad + cells[c] : cells[c] + pad).append("  ");
        }
        return text.toString().stripTrailing();
    }
}

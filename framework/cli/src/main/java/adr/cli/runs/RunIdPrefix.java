package adr.cli.runs;

import java.util.Collection;
import java.util.List;

/** A run id as typed: the whole id, or a prefix only one run has (ids are long, and start with their date and time). */
public final class RunIdPrefix {
    private static final int NAMED = 3;

    private RunIdPrefix() {
    }

    /** The known ids {@code given} names: itself when it is one, else every id that starts with it. */
    public static List<String> matches(Collection<String> known, String given) {
        return known.contains(given) ? List.of(given) : known.stream().filter(id -> id.startsWith(given)).toList();
    }

    /** The problem with a prefix that several runs have, naming the first few. */
    public static String ambiguous(String given, List<String> matches) {
        return "'" + given + "' is the start of " + matches.size() + " runs ("
                + String.join(", ", matches.stream().limit(NAMED).toList()) + (matches.size() > NAMED ? ", ..." : "")
                + "); give more of the id";
    }
}

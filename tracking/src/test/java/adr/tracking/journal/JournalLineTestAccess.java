package adr.tracking.journal;

/** Builds well-checksummed journal lines with arbitrary content, for tests of the reader. */
final class JournalLineTestAccess {
    private JournalLineTestAccess() {
    }

    static String line(String json) {
        return new String(JournalLine.encode(json), java.nio.charset.StandardCharsets.UTF_8);
    }
}

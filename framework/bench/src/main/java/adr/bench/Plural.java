package adr.bench;

/** Counts in the benchmarks' progress lines and headers read "1 round", "5 rounds". */
final class Plural {

    private Plural() {
    }

    /** {@code n} and the noun, with an "s" unless {@code n} is one. */
    static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

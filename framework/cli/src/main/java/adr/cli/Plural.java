package adr.cli;

/** Counts in messages, progress lines and headers read "1 round", "5 rounds". */
public final class Plural {

    private Plural() {
    }

    /** {@code n} and the noun, with an "s" unless {@code n} is one. */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

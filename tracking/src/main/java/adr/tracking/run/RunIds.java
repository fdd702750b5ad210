package adr.tracking.run;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Run ids like {@code 20261126-163005-9f3a}: the UTC start time, so ids sort by age and a
 * user can tell runs apart, and four random hex digits so two runs started in the same
 * second on different machines do not collide in a shared Kafka topic.
 */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Clock clock;
    private final RandomGenerator random;

    public RunIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    public String next() {
        return STAMP.format(clock.instant()) + "-" + HexFormat.of().toHexDigits((short) random.nextInt(1 << 16));
    }

    /**
     * Checks a run id given by a user: it names a directory under the ADR home.
     *
     * @throws IllegalArgumentException naming the id and the allowed form
     */
    public static String requireValid(String runId) {
        if (runId == null || !VALID.matcher(runId).matches()) {
            throw new IllegalArgumentException("'" + runId + "' is not a run id; run ids are letters, digits, '.', '_'"
                    + " and '-' (see ./adr runs list)");
        }
        return runId;
    }
}

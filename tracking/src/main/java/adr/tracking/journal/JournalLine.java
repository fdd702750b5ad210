package adr.tracking.journal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * One journal line: eight lowercase hex digits of the CRC32C of the JSON's UTF-8 bytes,
 * a space, the JSON, a line feed. The checksum catches a line that a crash or a disk
 * error damaged in a way that still parses as JSON.
 */
final class JournalLine {
    private static final int CHECKSUM_DIGITS = 8;

    private JournalLine() {
    }

    static byte[] encode(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String line = checksum(body) + " " + json + "\n";
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The JSON of a line (without its line feed).
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    static String decode(String line) {
        if (line.length() < CHECKSUM_DIGITS + 2 || line.charAt(CHECKSUM_DIGITS) != ' ') {
            throw new IllegalArgumentException("has no checksum prefix");
        }
        String json = line.substring(CHECKSUM_DIGITS + 1);
        String expected = line.substring(0, CHECKSUM_DIGITS);
        String actual = checksum(json.getBytes(StandardCharsets.UTF_8));
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("checksum mismatch (line says " + expected + ", content has " + actual
                    + ")");
        }
        return json;
    }

    private static String checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}

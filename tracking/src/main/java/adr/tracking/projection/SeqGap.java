package adr.tracking.projection;

/**
 * Sequence numbers missing from a run: {@code first} to {@code last}, both included.
 * Writers number each run's events from 0 without gaps, so a gap means lost events
 * (a deleted journal line, a topic whose retention dropped records).
 */
public record SeqGap(long first, long last) {

    public long count() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? "seq " + first : "seq " + first + ".." + last;
    }
}

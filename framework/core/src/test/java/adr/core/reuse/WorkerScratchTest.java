package adr.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerScratchTest {

    @ParameterizedTest(name = "{0} items in at most {1} slices")
    @CsvSource({"10, 3", "2, 3", "1, 1", "7, 2", "0, 4", "64, 2"})
    void slicesCoverEveryItemOnceInContiguousRanges(int items, int maxSlices) {
        WorkerScratch scratch = new WorkerScratch(maxSlices);
        List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());

        scratch.forEachSlice(items, (slice, from, to) -> ranges.add(new int[] {slice, from, to}));

        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        assertThat(ranges).hasSize(scratch.slices(items)).hasSizeLessThanOrEqualTo(Math.max(1, maxSlices));
        int next = 0;
        for (int s = 0; s < ranges.size(); s++) {
            assertThat(ranges.get(s)[0]).isEqualTo(s);
            assertThat(ranges.get(s)[1]).as("slice %d starts where the last ended", s).isEqualTo(next);
            assertThat(ranges.get(s)[2]).isGreaterThanOrEqualTo(next);
            next = ranges.get(s)[2];
        }
        assertThat(next).isEqualTo(items);
    }

    @Test
    void anArrayIsKeptForSmallerPassesAndGrownForLargerOnes() {
        WorkerScratch scratch = new WorkerScratch(2);
        float[] first = scratch.array(1, 100);

        assertThat(first).hasSizeGreaterThanOrEqualTo(100);
        assertThat(scratch.array(1, 40)).isSameAs(first);
        assertThat(scratch.array(0, 40)).isNotSameAs(first);
        assertThat(scratch.array(1, 101)).hasSizeGreaterThanOrEqualTo(101).isNotSameAs(first);
    }
}

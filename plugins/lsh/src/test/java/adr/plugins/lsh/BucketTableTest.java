package adr.plugins.lsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reused table against a fresh map per group: the same first-seen ids. */
class BucketTableTest {

    @Test
    void hashedIdsAreFirstSeenOrderAcrossResetsOfChangingSize() {
        BucketTable table = new BucketTable();
        Random random = new Random(4);
        for (int group = 0; group < 50; group++) {
            int distinct = 1 + random.nextInt(group % 2 == 0 ? 5000 : 20);
            table.reset(distinct);
            Map<Long, Integer> reference = new HashMap<>();
            for (int r = 0; r < 3 * distinct; r++) {
                long key = (random.nextInt(distinct) - distinct / 2) * 0x9E3779B97F4A7C15L;
                int expected = reference.computeIfAbsent(key, k -> reference.size());
                assertThat(table.idOf(key)).as("group %d, key %d", group, key).isEqualTo(expected);
            }
            assertThat(table.size()).isEqualTo(reference.size());
        }
    }

    @Test
    void directIdsAreFirstSeenOrderAndForgottenOnReset() {
        BucketTable table = new BucketTable();
        table.resetDirect(3);
        assertThat(new int[] {table.idOfCode(5), table.idOfCode(0), table.idOfCode(5), table.idOfCode(7)})
                .containsExactly(0, 1, 0, 2);
        table.resetDirect(3);
        assertThat(table.idOfCode(7)).isZero();
        assertThat(table.size()).isEqualTo(1);
    }
}

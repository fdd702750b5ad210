package adr.plugins.lsh;

import static org.assertj.core.api.Assertions.assertThat;

import adr.spi.clustering.StableBucketKeys;
import adr.spi.reuse.ReuseSetting;
import org.junit.jupiter.api.Test;

/**
 * Only the sign variant offers stable bucket keys (the contract tests check them); the
 * quantized variant fits its width to each batch, so its codes do not compare across
 * batches.
 */
class LshStableKeysTest {

    @Test
    void signHasStableKeysAndQuantizedHasNone() {
        ReuseSetting setting = new ReuseSetting(8, 6);

        assertThat(LshTesting.create("sign", 2, setting, 1)).isInstanceOf(StableBucketKeys.class);
        assertThat(LshTesting.create("quantized", 2, setting, 1)).isNotInstanceOf(StableBucketKeys.class);
    }
}

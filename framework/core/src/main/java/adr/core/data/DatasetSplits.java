package adr.core.data;

import java.util.Objects;

/** The training and test halves of one dataset, read together so their shapes agree. */
public record DatasetSplits(Dataset train, Dataset test) {

    public DatasetSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.channels() != test.channels() || train.height() != test.height()
                || train.width() != test.width() || train.classes() != test.classes()) {
            throw new IllegalArgumentException("train " + train + " and test " + test + " differ in shape or classes");
        }
    }
}

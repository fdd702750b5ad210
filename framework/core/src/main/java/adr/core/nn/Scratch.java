package adr.core.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One reusable native buffer, owned by one layer for one role (its output, its input
 * gradient, ...). Reallocated only when the shape or type changes (a partial last
 * batch, evaluation batches). Fresh native memory on every step cost more than the
 * arithmetic when measured here (page faults on first touch: a 3.2M-element ReLU
 * backward took 30 ms into new memory against 4.6 ms into reused memory), so layers
 * write into their scratch buffers instead. Contents are overwritten by the owner's
 * next call: callers that keep a result across calls must copy it.
 */
final class Scratch {
    private INDArray array;

    /** A c-order array of the type and shape, reused when it already matches; contents undefined. */
    INDArray get(DataType type, long... shape) {
        if (array == null || array.dataType() != type || !Arrays.equals(array.shape(), shape)) {
            array = Nd4j.createUninitialized(type, shape);
        }
        return array;
    }

    /** Like {@link #get} but shaped and typed like {@code like}. */
    INDArray like(INDArray like) {
        return get(like.dataType(), like.shape());
    }
}

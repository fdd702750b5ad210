package adr.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Softmax followed by mean cross-entropy against integer class labels. */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** The mean loss, the logits' gradient, and the count of correct argmax predictions. */
    public record Result(double loss, INDArray gradient, int correct) {
    }

    public static Result evaluate(INDArray logits, int[] labels) {
        int batch = (int) logits.size(0);
        int classes = (int) logits.size(1);
        if (labels.length != batch) {
            throw new IllegalArgumentException(labels.length + " labels for a batch of " + batch);
        }
        double[] p = Transforms.softmax(logits, true).castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            loss -= Math.log(Math.max(p[row + labels[i]], 1e-300));
            correct += argmax(p, row, classes) == labels[i] ? 1 : 0;
            p[row + labels[i]] -= 1.0;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= batch;
        }
        INDArray gradient = Nd4j.create(p, new long[] {batch, classes}, DataType.DOUBLE).castTo(logits.dataType());
        return new Result(loss / batch, gradient, correct);
    }

    private static int argmax(double[] values, int offset, int count) {
        int best = 0;
        for (int j = 1; j < count; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}

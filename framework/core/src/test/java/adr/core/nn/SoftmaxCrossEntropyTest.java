package adr.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Mean softmax cross-entropy: loss value, logits gradient against finite differences, and accuracy count. */
@ExtendWith(SingleThreadedNd4j.class)
class SoftmaxCrossEntropyTest {
    private static final int[] LABELS = {0, 3, 4, 1};

    @Test
    void logitsGradientMatchesFiniteDifferences() {
        INDArray logits = GradientCheck.gaussian(71, 4, 5).muli(2.0);
        INDArray analytic = SoftmaxCrossEntropy.evaluate(logits, LABELS).gradient();

        GradientCheck.assertGradientMatches("logits", logits, analytic,
                () -> SoftmaxCrossEntropy.evaluate(logits, LABELS).loss());
    }

    @Test
    void lossIsTheMeanNegativeLogLikelihoodAndCountsCorrectArgmax() {
        INDArray logits = GradientCheck.gaussian(72, 4, 5).muli(2.0);

        SoftmaxCrossEntropy.Result result = SoftmaxCrossEntropy.evaluate(logits, LABELS);

        double loss = 0;
        int correct = 0;
        for (int i = 0; i < LABELS.length; i++) {
            double sumExp = 0;
            int best = 0;
            for (int j = 0; j < 5; j++) {
                sumExp += Math.exp(logits.getDouble(i, j));
                best = logits.getDouble(i, j) > logits.getDouble(i, best) ? j : best;
            }
            loss += Math.log(sumExp) - logits.getDouble(i, LABELS[i]);
            correct += best == LABELS[i] ? 1 : 0;
        }
        assertThat(result.loss()).isCloseTo(loss / LABELS.length, offset(1e-12));
        assertThat(result.correct()).isEqualTo(correct);
    }

    @Test
    void columnMajorLogitsGiveTheSameResult() {
        INDArray logits = GradientCheck.gaussian(73, 4, 5);

        SoftmaxCrossEntropy.Result rowMajor = SoftmaxCrossEntropy.evaluate(logits, LABELS);
        SoftmaxCrossEntropy.Result columnMajor = SoftmaxCrossEntropy.evaluate(logits.dup('f'), LABELS);

        assertThat(columnMajor.loss()).isCloseTo(rowMajor.loss(), offset(1e-12));
        assertThat(GradientCheck.values(columnMajor.gradient()))
                .containsExactly(GradientCheck.values(rowMajor.gradient()));
    }
}

package adr.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The training input a convolution keeps for probes that measure reuse on it. */
@ExtendWith(SingleThreadedNd4j.class)
class Conv2dKeptInputTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ConvAlgorithm.class, names = {"NATIVE", "IM2COL"})
    void aShortBatchDoesNotReplaceTheKeptTrainingInput(ConvAlgorithm algorithm) {
        Conv2d conv = new Conv2d("conv", new ConvGeometry(3, 4, 3, 1, 1), algorithm,
                GradientCheck.gaussian(19, 4, 3, 3, 3), GradientCheck.gaussian(20, 4));
        INDArray full = GradientCheck.gaussian(21, 4, 3, 6, 6);
        INDArray nextFull = GradientCheck.gaussian(22, 4, 3, 6, 6);
        conv.keepTrainingInputs();

        conv.forward(full.dup(), true);
        conv.forward(GradientCheck.gaussian(23, 2, 3, 6, 6), true);
        assertThat(conv.lastTrainingInput()).hasValue(full);
        conv.forward(nextFull.dup(), true);
        assertThat(conv.lastTrainingInput()).hasValue(nextFull);
        conv.forward(GradientCheck.gaussian(24, 4, 3, 6, 6), false);
        assertThat(conv.lastTrainingInput()).as("evaluation keeps nothing").hasValue(nextFull);
    }
}

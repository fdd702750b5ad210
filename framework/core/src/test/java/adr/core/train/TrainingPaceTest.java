package adr.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingPaceTest {
    private static StepReport step(int n, double loss) {
        return new StepReport(1, n, 100, n - 1, loss, 0.01, 64, 0.1);
    }

    @Test
    void smoothedLossOfAConstantLossIsThatLoss() {
        TrainingPace pace = new TrainingPace();
        for (int n = 1; n <= 5; n++) {
            pace.onStep(step(n, 1.5));
            assertThat(pace.smoothedLoss()).isCloseTo(1.5, within(1e-12));
        }
    }

    @Test
    void theFirstLossFadesLikeEveryOtherInsteadOfSeedingTheAverage() {
        // a short run: one high first loss, then 19 steps at 1.0; the first step must weigh what
        // its age gives it in the average (a few percent), not (1 - SMOOTHING)^19 = 38% as a seed
        TrainingPace pace = new TrainingPace();
        pace.onStep(step(1, 10.0));
        for (int n = 2; n <= 20; n++) {
            pace.onStep(step(n, 1.0));
        }
        double decay = 1 - TrainingPace.SMOOTHING;
        double firstWeight = TrainingPace.SMOOTHING * Math.pow(decay, 19) / (1 - Math.pow(decay, 20));
        assertThat(pace.smoothedLoss()).isCloseTo(1.0 + 9.0 * firstWeight, within(1e-9));
        assertThat(pace.smoothedLoss()).isLessThan(1.3);
    }

    @Test
    void longRunsConvergeToTheExponentialAverage() {
        TrainingPace pace = new TrainingPace();
        double plain = 0;
        for (int n = 1; n <= 400; n++) {
            double loss = 2.0 + Math.sin(n);
            pace.onStep(step(n, loss));
            plain += TrainingPace.SMOOTHING * (loss - plain);
        }
        assertThat(pace.smoothedLoss()).isCloseTo(plain, within(1e-6));
    }

    @Test
    void nothingHeardIsNotANumber() {
        assertThat(new TrainingPace().smoothedLoss()).isNaN();
    }
}

package adr.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.core.data.Augmentation;
import adr.core.data.Dataset;
import adr.core.data.DatasetSplits;
import adr.core.data.Normalization;
import adr.core.model.ModelCatalog;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.Network;
import adr.core.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Real training on a small real subset: the engine must learn, and repeat itself for a seed. */
class CifarNetTrainingTest {

    private static TrainingResult train(Dataset train, Dataset test, long seed, int epochs, TrainingListener listener) {
        return train(train, test, seed, epochs, 0.02, listener);
    }

    private static TrainingResult train(Dataset train, Dataset test, long seed, int epochs, double lr,
            TrainingListener listener) {
        Seeds seeds = new Seeds(seed);
        Network net = ModelCatalog.build("cifarnet", train.sampleShape(), train.classes(), seeds, DataType.FLOAT,
                ConvAlgorithm.AUTO);
        var trainer = new Trainer(net, new SgdMomentum(net.parameters(), 0.9, 5e-4));
        var plan = new TrainingPlan(epochs, 32, 500, new LearningRateSchedule.Cosine(lr, 0.05, 0.01),
                Augmentation.NONE, false);
        return new TrainingLoop(trainer, plan, seeds, Normalization.fit(train), listener).run(train, test,
                TrainingProgress.START);
    }

    @Test
    void accuracyRisesFarAboveChanceOnAFewThousandRealImages() {
        DatasetSplits data = RealData.fashionMnist();
        TrainingResult result = train(data.train().limit(3000), data.test().limit(2000), 1, 1, TrainingListener.NONE);

        // chance is 0.10; this subset reaches about 0.75 after one epoch
        assertThat(result.test().accuracy()).isGreaterThan(0.6);
        assertThat(result.test().count()).isEqualTo(2000);
        assertThat(result.imagesTrained()).isEqualTo(3000);
    }

    @Test
    void aLossThatBecomesNaNStopsTrainingWithTheStepAndTheFix() {
        DatasetSplits data = RealData.fashionMnist();
        RecordingListener steps = new RecordingListener();

        assertThatThrownBy(() -> train(data.train().limit(640), data.test().limit(100), 1, 3, 1e6, steps))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("training diverged: the loss became ")
                .hasMessageEndingWith("; lower --lr and train again");
        assertThat(steps.losses).as("stopped at the first non-finite loss, not after three epochs").hasSizeLessThan(20)
                .allMatch(Double::isFinite);
    }

    @Test
    void theSameSeedGivesTheSameLossSequence() {
        DatasetSplits data = RealData.fashionMnist();
        Dataset train = data.train().limit(640);
        Dataset test = data.test().limit(100);
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        RecordingListener otherSeed = new RecordingListener();

        train(train, test, 42, 1, first);
        train(train, test, 42, 1, second);
        train(train, test, 43, 1, otherSeed);

        assertThat(first.losses).hasSize(20).isEqualTo(second.losses);
        assertThat(otherSeed.losses).isNotEqualTo(first.losses);
    }

    @Test
    void stepTimesIncludeWhatListenersDoBeforeEachStep() {
        DatasetSplits data = RealData.fashionMnist();
        List<Double> stepSeconds = new ArrayList<>();
        TrainingListener probingBeforeEachStep = new TrainingListener() {
            @Override
            public void beforeStep(StepContext context) {
                try {
                    Thread.sleep(200); // a strategy probing before the step
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onStep(StepReport step) {
                stepSeconds.add(step.seconds());
            }
        };

        TrainingResult result = train(data.train().limit(128), data.test().limit(32), 1, 1, probingBeforeEachStep);

        // four steps of 32 images: a CifarNet step alone takes a few tens of milliseconds here
        assertThat(stepSeconds).hasSize(4).allSatisfy(seconds -> assertThat(seconds).isGreaterThanOrEqualTo(0.2));
        assertThat(result.trainSeconds()).isGreaterThanOrEqualTo(0.8);
    }
}

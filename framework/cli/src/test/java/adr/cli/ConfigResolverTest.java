package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.core.experiment.ExperimentConfig;
import adr.core.experiment.ExperimentRunner;
import adr.core.nn.ConvAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noFileAndNoFlagsGiveTheDefaults() {
        assertThat(new ConfigResolver().resolve()).isEqualTo(ExperimentConfig.defaults());
    }

    @Test
    void flagsOverrideTheFileWhichOverridesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, "model: vgg-small\nepochs: 3\nlr: 0.05\nflip: true\nconv: im2col\n");

        ExperimentConfig config = new ConfigResolver().file(file).set("--epochs", "epochs", "5").resolve();

        assertThat(config.model()).isEqualTo("vgg-small");
        assertThat(config.epochs()).isEqualTo(5);
        assertThat(config.learningRate()).isEqualTo(0.05);
        assertThat(config.horizontalFlip()).isTrue();
        assertThat(config.convAlgorithm()).isEqualTo(ConvAlgorithm.IM2COL);
        assertThat(config.batchSize()).isEqualTo(ExperimentConfig.defaults().batchSize());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsSource() {
        var resolver = new ConfigResolver()
                .yaml(yaml("modle: cifarnet\nepochs: many\nmomentum: 1.5\nmodel: resnet\n"), "exp.yaml")
                .set("--batch-size", "batch-size", "0");

        assertThatThrownBy(resolver::resolve).isInstanceOf(ConfigException.class)
                .hasMessageContaining("5 problems")
                .hasMessageContaining("exp.yaml: unknown key 'modle'")
                .hasMessageContaining("exp.yaml: epochs: expected a whole number, got 'many'")
                .hasMessageContaining("exp.yaml: model: unknown 'resnet'; known: cifarnet, vgg-small")
                .hasMessageContaining("exp.yaml: momentum: must be in [0, 1)")
                .hasMessageContaining("--batch-size: must be at least 1");
    }

    @Test
    void aFlagOfTheWrongTypeIsNamedOnce() {
        var resolver = new ConfigResolver().set("--lr", "lr", "abc");

        assertThatThrownBy(resolver::resolve).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--lr: expected a number, got 'abc'")
                .hasMessageNotContaining("lr: lr");
    }

    @Test
    void aKeyGivenTwiceInTheFileIsAnErrorNotTheLastOneWinning() {
        var resolver = new ConfigResolver().yaml(yaml("lr: 0.1\nepochs: 1\nepochs: 2\n"), "exp.yaml");

        assertThatThrownBy(resolver::resolve).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exp.yaml: at line 3, column 7: epochs is given twice; keep one")
                .hasMessageNotContaining("syntax");
    }

    @Test
    void pluginOptionsOverrideOptionByOptionAndAnotherPluginDropsTheEarlierOnes() {
        String file = "strategy: adaptive\nstrategy-options:\n  max-error: 0.3\n  cooldown: 10\n";

        var merged = new ConfigResolver().yaml(yaml(file), "exp.yaml")
                .set("--strategy-options", "strategy-options", "cooldown=5").resolve();
        var replaced = new ConfigResolver().yaml(yaml(file), "exp.yaml")
                .set("--strategy", "strategy", "fixed").set("--strategy-options", "strategy-options", "L=25")
                .resolve();
        var optionsFirst = new ConfigResolver().yaml(yaml("strategy-options:\n  cooldown: 3\nstrategy: adaptive\n"),
                "exp.yaml").resolve();

        assertThat(merged.reuse().optionsFor("strategy")).isEqualTo(Map.of("max-error", "0.3", "cooldown", "5"));
        assertThat(replaced.reuse().optionsFor("strategy")).isEqualTo(Map.of("L", "25"));
        assertThat(optionsFirst.reuse().optionsFor("strategy")).as("one source: its own options stay")
                .isEqualTo(Map.of("cooldown", "3"));
    }

    @Test
    void aCountBeyondThirtyTwoBitsIsRefusedNotClamped() {
        var tooMany = new ConfigResolver().set("--epochs", "epochs", "99999999999");
        var bigSeed = new ConfigResolver().set("--seed", "seed", "99999999999");

        assertThatThrownBy(tooMany::resolve).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--epochs: expected a whole number in -2147483648..2147483647, got 99999999999");
        assertThat(bigSeed.resolve().seed()).isEqualTo(99_999_999_999L);
    }

    @Test
    void reuseSettingsGivenWithTheExactStrategyAreNamedAsUnused() {
        var resolver = new ConfigResolver().yaml(yaml("L: 8\n"), "exp.yaml")
                .set("--clustering", "clustering", "kmeans");

        assertThat(resolver.unusedReuseSettings(resolver.resolve())).hasValue("strategy exact reuses nothing, so"
                + " --clustering, exp.yaml: L are not used; choose a reuse strategy with --strategy (fixed, staged,"
                + " adaptive, budget or a plugin's)");
        resolver.set("--strategy", "strategy", "fixed");
        assertThat(resolver.unusedReuseSettings(resolver.resolve())).isEmpty();
        assertThat(new ConfigResolver().unusedReuseSettings(new ConfigResolver().resolve())).isEmpty();
    }

    @Test
    void aResumedRunsRecordedSettingsAreNotTakenAsGivenNow() {
        var resolver = new ConfigResolver().set("run 1", "clustering", "kmeans").asStartingPoint()
                .set("--epochs", "epochs", "2");

        assertThat(resolver.unusedReuseSettings(resolver.resolve())).isEmpty();
        resolver.set("--H", "H", "12");
        assertThat(resolver.unusedReuseSettings(resolver.resolve())).hasValueSatisfying(w -> assertThat(w)
                .contains("so --H is not used"));
    }

    @Test
    void lengthOrBitsGivenToAStrategyThatDoesNotReadThemAreNamed() {
        var staged = new ConfigResolver().set("--strategy", "strategy", "staged").set("--L", "L", "10");
        ExperimentConfig config = staged.resolve();
        List<String> stagedKeys = ExperimentRunner.strategyKeys(config).orElseThrow();

        assertThat(staged.gaveLengthOrBits()).isTrue();
        assertThat(staged.lengthOrBitsUnread(config, stagedKeys)).hasValueSatisfying(w -> assertThat(w)
                .startsWith("strategy staged does not read L or H, so --L is not used; set its levels with"
                        + " --strategy-options (its keys: levels, per-layer"));
        var fixed = new ConfigResolver().set("--strategy", "strategy", "fixed").set("--L", "L", "10")
                .set("--H", "H", "6");
        ExperimentConfig fixedConfig = fixed.resolve();
        assertThat(fixed.lengthOrBitsUnread(fixedConfig, ExperimentRunner.strategyKeys(fixedConfig).orElseThrow()))
                .isEmpty();
        assertThat(new ConfigResolver().set("--strategy", "strategy", "staged").gaveLengthOrBits()).isFalse();
    }

    @Test
    void malformedYamlAndMissingFilesAreNamed(@TempDir Path dir) {
        assertThatThrownBy(new ConfigResolver().yaml(yaml("model: [unclosed\n"), "bad.yaml")::resolve)
                .hasMessageContaining("bad.yaml: not valid YAML");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(new ConfigResolver().file(missing)::resolve)
                .hasMessageContaining(missing + ": file not found");
        assertThatThrownBy(new ConfigResolver().file(dir)::resolve)
                .hasMessageContaining(dir + ": is a directory; pass the experiment file (YAML) to --config");
        assertThatThrownBy(new ConfigResolver().yaml(yaml("- a\n- b\n"), "list.yaml")::resolve)
                .hasMessageContaining("list.yaml: expected a mapping");
    }

    @Test
    void malformedYamlIsNamedOnOneLineWithWhereAndWhat() {
        assertThatThrownBy(new ConfigResolver().yaml(yaml("epochs: [1\n"), "bad.yaml")::resolve)
                .hasMessageContaining("bad.yaml: not valid YAML at line 2, column 1: expected ',' or ']',"
                        + " but got <stream end>")
                .hasMessageNotContaining("^")
                .satisfies(e -> assertThat(e.getMessage().strip().lines()).hasSize(2));
    }

    @Test
    void anEmptyExperimentFileMeansTheDefaults() {
        assertThat(new ConfigResolver().yaml(yaml(""), "empty.yaml").resolve()).isEqualTo(ExperimentConfig.defaults());
        assertThat(new ConfigResolver().yaml(yaml("# nothing yet\n"), "c.yaml").resolve())
                .isEqualTo(ExperimentConfig.defaults());
    }

    @Test
    void theEmbeddedDemoSettingsAreValid() throws Exception {
        try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.DEMO_RESOURCE)) {
            ExperimentConfig demo = new ConfigResolver().yaml(in, "demo.yaml").resolve();
            assertThat(demo.model()).isEqualTo("cifarnet");
            assertThat(demo.dataset()).isEqualTo("fashion-mnist");
            assertThat(demo.trainLimit()).isEqualTo(20000);
            assertThat(demo.reuse().strategy()).isEqualTo("adaptive");
        }
    }

    @Test
    void pluginOptionsComeFromYamlMappingsOrKeyValueFlags() {
        ExperimentConfig config = new ConfigResolver()
                .yaml(yaml("strategy: fixed\nclustering-options:\n  variant: sign\n  bucket-width: 1.5\n"), "exp.yaml")
                .set("--policy-options", "policy-options", "reuse=all")
                .resolve();

        assertThat(config.reuse().optionsFor("clustering")).containsEntry("variant", "sign")
                .containsEntry("bucket-width", "1.5");
        assertThat(config.reuse().optionsFor("policy")).containsEntry("reuse", "all");
        assertThatThrownBy(new ConfigResolver().set("--clustering-options", "clustering-options", "variant")::resolve)
                .hasMessageContaining("expected key=value pairs");
        assertThat(new ConfigResolver().set("--strategy-options", "strategy-options", "levels=25:4@0,exact@0.8,x=1")
                .resolve().reuse().optionsFor("strategy")).containsEntry("levels", "25:4@0,exact@0.8")
                .containsEntry("x", "1");
    }
}

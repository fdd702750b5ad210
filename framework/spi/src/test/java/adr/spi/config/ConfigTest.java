package adr.spi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static final List<ConfigKey> KEYS = List.of(ConfigKey.text("variant", "quantized", "how"),
            ConfigKey.decimal("width", 0.5, "how wide"), ConfigKey.integer("count", 2, "how many"));

    @Test
    void givenKeysAreToldFromDefaultsAndBadValuesCountAsNotGiven() {
        List<String> errors = new ArrayList<>();

        Config config = Config.resolve("clustering t", KEYS, Map.of("variant", "sign", "count", "x"), errors);

        assertThat(config.isGiven("variant")).isTrue();
        assertThat(config.isGiven("width")).isFalse();
        assertThat(config.isGiven("count")).as("refused, so its default stands").isFalse();
        assertThat(config.asMap()).containsEntry("variant", "sign").containsEntry("width", 0.5)
                .containsEntry("count", 2L);
        assertThat(errors).singleElement().asString().startsWith("clustering t: count: ");
        assertThat(Config.defaults(KEYS).isGiven("variant")).isFalse();
    }

    @Test
    void askingAboutAnUndeclaredKeyIsAnError() {
        assertThatThrownBy(() -> Config.defaults(KEYS).isGiven("colour"))
                .hasMessage("no configuration key 'colour' was declared");
    }
}

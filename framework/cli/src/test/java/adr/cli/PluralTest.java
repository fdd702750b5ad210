package adr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void oneIsSingularAndEveryOtherCountPlural() {
        assertThat(Plural.of(1, "round")).isEqualTo("1 round");
        assertThat(Plural.of(0, "round")).isEqualTo("0 rounds");
        assertThat(Plural.of(5, "warm-up step")).isEqualTo("5 warm-up steps");
    }
}

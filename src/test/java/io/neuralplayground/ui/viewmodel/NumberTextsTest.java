package io.neuralplayground.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberTextsTest {
    @Test
    void valuesAreShownWithFourDecimals() {
        assertThat(NumberTexts.value(0.43121)).isEqualTo("0.4312");
        assertThat(NumberTexts.value(-0.1)).isEqualTo("\u22120.1000");
        assertThat(NumberTexts.valueAsTyped(-0.1)).isEqualTo("-0.1000");
        assertThat(NumberTexts.valueAsTyped(-0.00001)).isEqualTo("0.0000");
        assertThat(NumberTexts.value(12.5)).isEqualTo("12.5000");
    }

    @Test
    void onlyALeadingHyphenBecomesAMinus() {
        assertThat(NumberTexts.withMinus("-1.00e-05")).isEqualTo("\u22121.00e-05");
        assertThat(NumberTexts.withMinus("3")).isEqualTo("3");
    }

    @Test
    void numbersAsTypedAndWithEveryDigit() {
        assertThat(NumberTexts.exact(2)).isEqualTo("2");
        assertThat(NumberTexts.exact(0.03)).isEqualTo("0.03");
        assertThat(NumberTexts.exact(1e-5)).isEqualTo("1.0E-5");
        assertThat(NumberTexts.allDigits(2)).isEqualTo("2.0");
        assertThat(NumberTexts.allDigits(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void settingsPercentagesAndLosses() {
        assertThat(NumberTexts.setting(30)).isEqualTo("30");
        assertThat(NumberTexts.setting(2.5)).isEqualTo("2.5");
        assertThat(NumberTexts.percent(0.992)).isEqualTo("99.2 %");
        assertThat(NumberTexts.loss(0)).isEqualTo("0.000");
    }
}

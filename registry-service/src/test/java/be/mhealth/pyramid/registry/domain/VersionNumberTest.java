package be.mhealth.pyramid.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionNumberTest {

    @ParameterizedTest
    @ValueSource(strings = { "1", "2.4", "2.4.1", "2.4.1.1057", "0.9.0", "3.0.0-beta.2", "3.0.0-rc-1+build.77",
            "1.0.0+20260301", "999999999.0.0" })
    void acceptsVersionsAsVendorsWriteThem(String text) {
        assertThat(VersionNumber.parse(text)).isPresent();
        assertThat(text).matches(VersionNumber.PATTERN);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "v2.4.1", "2.4.1.0.1", "02.4", "2..4", "2.4.", "2.4-", "2.4+", "2.4 beta",
            "1234567890.0", "2.4.1-beta..1", "latest" })
    void refusesAnythingElse(String text) {
        assertThat(VersionNumber.parse(text)).isEmpty();
        assertThat(text.matches(VersionNumber.PATTERN)).isFalse();
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({ "1.9.9, 2", "2.4, 2.4.1", "2.4.1, 2.4.1.1", "2.4.1-beta, 2.4.1", "2.4.1-alpha, 2.4.1-beta",
            "2.4.1-beta.2, 2.4.1-beta.11", "2.4.1-beta, 2.4.1-beta.1", "2.4.1-1, 2.4.1-alpha", "2.9.9.9, 2.10" })
    void ordersAsSemanticVersioningDoes(String lower, String higher) {
        VersionNumber a = VersionNumber.parse(lower).orElseThrow();
        VersionNumber b = VersionNumber.parse(higher).orElseThrow();
        assertThat(a.compareTo(b)).isNegative();
        assertThat(b.compareTo(a)).isPositive();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "2.4, 2.4.0", "2, 2.0.0.0", "2.4.1+build.1, 2.4.1+build.2", "2.4.1-beta.01, 2.4.1-beta.1" })
    void missingNumbersAndBuildMetadataDoNotCount(String a, String b) {
        assertThat(VersionNumber.parse(a).orElseThrow().compareTo(VersionNumber.parse(b).orElseThrow())).isZero();
    }
}

package be.mhealth.pyramid.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first visit's language: the visitor's first language (by weight) that the portal speaks. */
class LangTest {

    @Test
    void followsTheWeightsOfAcceptLanguage() {
        assertThat(Lang.fromAcceptLanguage("fr-BE,fr;q=0.9,en;q=0.8")).isEqualTo(Lang.FR);
        assertThat(Lang.fromAcceptLanguage("en;q=0.5, nl-BE;q=0.9")).isEqualTo(Lang.NL);
        assertThat(Lang.fromAcceptLanguage("de-DE, de;q=0.9, fr;q=0.3")).as("skips languages it does not speak")
                .isEqualTo(Lang.FR);
        assertThat(Lang.fromAcceptLanguage("nl;q=0, en")).as("q=0 means not acceptable").isEqualTo(Lang.EN);
    }

    @Test
    void fallsBackToEnglishWithoutAUsableHeader() {
        assertThat(Lang.fromAcceptLanguage(null)).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage("")).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage("de, it")).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage(";;;=q")).as("malformed").isEqualTo(Lang.EN);
    }

    @Test
    void readsOnlyItsOwnCodes() {
        assertThat(Lang.of("FR")).contains(Lang.FR);
        assertThat(Lang.of("de")).isEmpty();
        assertThat(Lang.of(null)).isEmpty();
    }
}

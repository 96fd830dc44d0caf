package be.mhealth.pyramid.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;

class OpenDataTextsTest {

    @Test
    void everyLanguageHasEveryKeyOfTheEnglishTexts() throws Exception {
        Properties english = load("");
        for (Language language : Language.values()) {
            if (language == Language.EN) {
                continue;
            }
            Properties own = load("_" + language.code());
            assertThat(own.stringPropertyNames()).as(language.code()).containsExactlyInAnyOrderElementsOf(
                    english.stringPropertyNames());
            for (String key : own.stringPropertyNames()) {
                assertThat(OpenDataTexts.of(language).text(key, "X", "M1", "M2")).as(language + " " + key)
                        .doesNotContain("{").isNotBlank();
            }
        }
        for (Category category : Category.values()) {
            assertThat(english.getProperty("category." + category.name())).isNotBlank();
        }
    }

    @Test
    void titlesAndCausesInEachLanguage() {
        assertThat(OpenDataTexts.of(Language.EN).changeTitle("HeartGuard", Level.M1, Level.M2))
                .isEqualTo("HeartGuard reached M2");
        assertThat(OpenDataTexts.of(Language.NL).changeTitle("HartWacht", null, Level.M1))
                .isEqualTo("HartWacht heeft M1 bereikt");
        assertThat(OpenDataTexts.of(Language.FR).changeTitle("GardeCoeur", Level.M3, Level.M1))
                .isEqualTo("GardeCoeur redescend de M3 à M1");
        assertThat(OpenDataTexts.of(Language.DE).changeTitle("HerzWache", Level.M2, null))
                .isEqualTo("HerzWache hat die Stufe M2 verloren");
        assertThat(OpenDataTexts.of(Language.FR).cause(EventType.M1_GRANTED.ceType(), null, null))
                .isEqualTo("L'AFMPS a confirmé le marquage CE (M1).");
        assertThat(OpenDataTexts.of(Language.NL).cause(EventType.M3_ENDED.ceType(), LocalDate.of(2026, 3, 31), null))
                .isEqualTo("De terugbetaling eindigde op 2026-03-31 (M3).");
        assertThat(OpenDataTexts.of(Language.EN).cause(EventType.M3_GRANTED.ceType(), null,
                ReimbursementKind.DEFINITIVE)).isEqualTo("NIHDI granted definitive reimbursement (M3).");
        assertThat(OpenDataTexts.of(Language.EN).cause("be.mhealth.pyramid.future.v9", null, null))
                .isEqualTo("The level changed.");
    }

    private static Properties load(String suffix) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = OpenDataTextsTest.class.getResourceAsStream("/opendata/texts" + suffix + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}

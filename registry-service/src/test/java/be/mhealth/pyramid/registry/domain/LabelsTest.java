package be.mhealth.pyramid.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every label exists in nl, fr and en, every code the API returns has one, and no text is left unformatted. */
class LabelsTest {

    private static final List<Language> LABELLED = List.of(Language.NL, Language.FR, Language.EN);

    @Test
    void everyKeyExistsInEveryLanguage() throws Exception {
        Properties english = load("");
        for (String suffix : List.of("_nl", "_fr")) {
            assertThat(load(suffix).stringPropertyNames()).as(suffix)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
        for (Language language : LABELLED) {
            Labels labels = Labels.of(language);
            assertThat(labels.language()).isEqualTo(language);
            for (String key : english.stringPropertyNames()) {
                assertThat(labels.text(key, "A", "B", "C", "D", "E")).as("%s %s", language, key).isNotBlank()
                        .doesNotContain("{").doesNotContain("''");
            }
        }
    }

    @Test
    void everyConstantOfEveryVocabularyTopicAndCriterionHasALabelInEveryLanguage() throws Exception {
        for (Language language : LABELLED) {
            Properties own = load(language == Language.EN ? "" : "_" + language.code());
            for (Map.Entry<String, Class<? extends Enum<?>>> vocabulary : Labels.VOCABULARIES.entrySet()) {
                for (Enum<?> constant : vocabulary.getValue().getEnumConstants()) {
                    assertThat(own.getProperty(vocabulary.getKey() + "." + constant.name()))
                            .as("%s %s.%s", language, vocabulary.getKey(), constant.name()).isNotBlank();
                }
            }
            for (Topic topic : Topic.values()) {
                assertThat(own.getProperty("topic." + topic.key())).as("%s %s", language, topic).isNotBlank();
            }
            for (Criterion criterion : Criterion.values()) {
                assertThat(own.getProperty("criterion." + criterion.name())).as("%s %s", language, criterion)
                        .isNotBlank();
                assertThat(own.getProperty("criterion." + criterion.name() + ".explanation"))
                        .as("%s %s explanation", language, criterion).isNotBlank();
            }
        }
    }

    @Test
    void theBelgianAuthoritiesHaveTheirNamesInEachLanguage() {
        assertThat(Labels.of(Language.FR).vocabulary("authority"))
                .containsExactly(Map.entry("FAMHP", "AFMPS"), Map.entry("EHEALTH", "plate-forme eHealth"),
                        Map.entry("NIHDI", "INAMI"));
        assertThat(Labels.of(Language.NL).vocabulary("authority"))
                .containsExactly(Map.entry("FAMHP", "FAGG"), Map.entry("EHEALTH", "eHealth-platform"),
                        Map.entry("NIHDI", "RIZIV"));
        assertThat(Labels.of(Language.EN).authority(Authority.NIHDI)).isEqualTo("NIHDI");
    }

    @Test
    void unknownCodesKeepTheirCodeAndGermanIsServedInEnglish() {
        assertThat(Labels.of(Language.FR).criterion("NEW_CRITERION")).isEqualTo("NEW_CRITERION");
        assertThat(Labels.of(Language.FR).criterionExplanation("NEW_CRITERION")).isNull();
        assertThat(Labels.of(Language.NL).label("legalBasis", "FUTURE_BASIS")).isEqualTo("FUTURE_BASIS");
        assertThat(Labels.of(Language.DE).language()).isEqualTo(Language.EN);
        assertThat(Labels.of(Language.DE).fingerprint()).isEqualTo(Labels.of(Language.EN).fingerprint());
        assertThat(Labels.of(Language.NL).fingerprint()).isNotEqualTo(Labels.of(Language.FR).fingerprint());
    }

    private static Properties load(String suffix) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = LabelsTest.class.getResourceAsStream("/labels/labels" + suffix + ".properties")) {
            assertThat(in).as("labels%s.properties", suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

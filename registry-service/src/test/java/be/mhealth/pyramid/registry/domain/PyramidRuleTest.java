package be.mhealth.pyramid.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import be.mhealth.pyramid.events.Level;

class PyramidRuleTest {

    @ParameterizedTest(name = "active {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none      | none",
            "M1        | M1",
            "M1 M2     | M2",
            "M1 M2 M3  | M3",
            "M2        | none",
            "M3        | none",
            "M2 M3     | none",
            "M1 M3     | M1",
    })
    void effectiveLevelIsTheTopOfTheUnbrokenRunFromM1(String active, String expected) {
        assertThat(PyramidRule.effectiveLevel(levels(active)))
                .isEqualTo(expected == null ? null : Level.valueOf(expected));
    }

    @ParameterizedTest(name = "withdrawn from the market, active {0} -> none")
    @CsvSource(nullValues = "none", value = { "none", "M1", "M1 M2", "M1 M2 M3" })
    void anAppWithdrawnFromTheMarketHasNoLevelWhateverItsGrants(String active) {
        assertThat(PyramidRule.effectiveLevel(levels(active), true)).isNull();
        assertThat(PyramidRule.effectiveLevel(levels(active), false)).isEqualTo(PyramidRule.effectiveLevel(levels(active)));
    }

    private static Set<Level> levels(String names) {
        Set<Level> set = EnumSet.noneOf(Level.class);
        if (names != null) {
            Arrays.stream(names.trim().split("\\s+")).map(Level::valueOf).forEach(set::add);
        }
        return set;
    }
}

package be.mhealth.pyramid.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import be.mhealth.pyramid.support.paging.PageRequest;
import be.mhealth.pyramid.support.problem.InvalidParameterException;

/** Every bad query value is refused naming its parameter; good ones parse exactly. */
class QueryParamsTest {

    enum Colour {
        RED, DARK_BLUE
    }

    @Test
    void pagingDefaultsAndBounds() {
        assertThat(QueryParams.page(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(QueryParams.page("3", "100")).isEqualTo(new PageRequest(3, 100));
        assertThat(QueryParams.page(String.valueOf(PageRequest.maxPage(20)), null).page())
                .isEqualTo(PageRequest.maxPage(20));
    }

    @ParameterizedTest
    @ValueSource(strings = { "false", "", "-1", "+1", "1.0", "1e3", " 1", "0x10", "2147483646", "2147483648",
            "99999999999999999999", "١", "１" })
    void aBadPageIsRefusedNamingPage(String page) {
        assertThatThrownBy(() -> QueryParams.page(page, null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("page");
                    assertThat(e.getMessage()).startsWith("must be a whole number from 0 to ");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "101", "2147483648", "true", "", "٥", "-5" })
    void aBadSizeIsRefusedNamingSize(String size) {
        assertThatThrownBy(() -> QueryParams.page("0", size))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("size"));
    }

    @Test
    void thePageLimitDependsOnTheSize() {
        int max = PageRequest.maxPage(100);
        assertThat(QueryParams.page(String.valueOf(max), "100").page()).isEqualTo(max);
        assertThatThrownBy(() -> QueryParams.page(String.valueOf(max + 1), "100"))
                .hasMessageContaining("from 0 to " + max);
    }

    @Test
    void repeatableEnumsMatchNamesExactly() {
        assertThat(QueryParams.enums("colour", null, Colour.class)).isEmpty();
        assertThat(QueryParams.enums("colour", List.of("RED", "DARK_BLUE", "RED"), Colour.class))
                .isEqualTo(EnumSet.allOf(Colour.class));
        for (String bad : new String[] { "red", "ＲED", "RЕD", "RED ", "", "RED,DARK_BLUE", "DARK-BLUE" }) {
            assertThatThrownBy(() -> QueryParams.enums("colour", Arrays.asList("RED", bad), Colour.class))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("colour");
                        assertThat(e.getMessage()).startsWith("must be one of [RED, DARK_BLUE]");
                    });
        }
        assertThat(QueryParams.enumValue("colour", null, Colour.class)).isNull();
    }

    @Test
    void uuidsInCanonicalFormOnly() {
        UUID id = UUID.randomUUID();
        assertThat(QueryParams.uuid("appId", id.toString())).isEqualTo(id);
        assertThat(QueryParams.uuid("appId", null)).isNull();
        for (String bad : new String[] { "not-a-uuid", "1-1-1-1-1", id + "0", "" }) {
            assertThatThrownBy(() -> QueryParams.uuid("appId", bad))
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("appId"));
        }
    }

    @Test
    void aBadValueIsEchoedShortAndPrintable() {
        assertThat(QueryParams.echo("ＲED\n")).isEqualTo("'\\u{FF32}ED\\u{A}'");
        assertThat(QueryParams.echo("x".repeat(100))).isEqualTo("'" + "x".repeat(40) + "…'");
    }
}

package be.mhealth.pyramid.support.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import be.mhealth.pyramid.support.paging.PageRequest;
import be.mhealth.pyramid.support.problem.InvalidParameterException;

/**
 * Parses query parameters that resources take as text, so that every bad value is a 400 naming the parameter:
 * only ASCII digits make a number (no sign, no other script's digits), enum values match a constant's name
 * exactly (no case folding, no look-alike letters), and a value that is present must be valid. (Quarkus REST hands
 * an empty value, {@code ?size=}, over as absent.)
 */
public final class QueryParams {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** How much of a bad value an error message repeats. */
    private static final int ECHO = 40;

    private QueryParams() {
    }

    /** {@code page} (from 0, default 0) and {@code size} (1–100, default 20), the page within reach of a query. */
    public static PageRequest page(String page, String size) {
        int pageSize = integer("size", size, 1, PageRequest.MAX_SIZE, PageRequest.DEFAULT_SIZE);
        int pageNumber = integer("page", page, 0, PageRequest.maxPage(pageSize), 0);
        return new PageRequest(pageNumber, pageSize);
    }

    /** A whole number from {@code min} to {@code max}; {@code absent} when the parameter is not sent. */
    public static int integer(String name, String value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        String range = "must be a whole number from " + min + " to " + max;
        if (!DIGITS.matcher(value).matches()) {
            throw new InvalidParameterException(name, range + "; got " + echo(value));
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw new InvalidParameterException(name, range + "; got " + value);
        }
        return (int) number;
    }

    /** A UUID in its canonical text form; null when the parameter is not sent. */
    public static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new InvalidParameterException(name, "must be a UUID; got " + echo(value));
        }
        return UUID.fromString(value);
    }

    /**
     * The constants named by a repeatable parameter ({@code ?state=A&state=B}); empty when it is not sent, which
     * callers read as "any".
     */
    public static <E extends Enum<E>> Set<E> enums(String name, Collection<String> values, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (values == null) {
            return result;
        }
        for (String value : values) {
            result.add(constant(name, value, type));
        }
        return result;
    }

    /** The constant named exactly {@code value}; null when the parameter is not sent. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        return value == null ? null : constant(name, value, type);
    }

    private static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidParameterException(name, "must be one of "
                + Arrays.toString(type.getEnumConstants()) + "; got " + echo(value));
    }

    /** The bad value, quoted, shortened and with anything unprintable or outside ASCII escaped. */
    static String echo(String value) {
        String shown = value.length() > ECHO ? value.substring(0, ECHO) + "…" : value;
        StringBuilder out = new StringBuilder("'");
        shown.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f || c == '…') {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u{%X}", c));
            }
        });
        return out.append('\'').toString();
    }
}

package be.mhealth.pyramid.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app version as vendors write them: one to four numbers ({@code 2}, {@code 2.4}, {@code 2.4.1},
 * {@code 2.4.1.1057}), optionally a pre-release ({@code -beta.2}) and build metadata ({@code +build.77}). Ordered as
 * Semantic Versioning orders them: missing numbers count as 0 ({@code 2.4} = {@code 2.4.0}), a pre-release comes
 * before its release, build metadata does not count.
 */
public record VersionNumber(List<Long> numbers, List<String> preRelease, String text) implements Comparable<VersionNumber> {

    private static final String IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    /** The accepted form (also the request's {@code @Pattern}). */
    public static final String PATTERN = "(0|[1-9][0-9]{0,8})((?:\\.(?:0|[1-9][0-9]{0,8})){0,3})"
            + "(?:-(" + IDENTIFIERS + "))?(?:\\+" + IDENTIFIERS + ")?";
    public static final String FORM = "a version such as 2.4.1 (one to four numbers without leading zeros, optionally "
            + "-pre.release and +build)";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);
    private static final int NUMBERS = 4;

    /** The version {@code text} names; empty when it is not of the accepted form. */
    public static Optional<VersionNumber> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        List<Long> numbers = new ArrayList<>(NUMBERS);
        numbers.add(Long.parseLong(m.group(1)));
        if (!m.group(2).isEmpty()) {
            for (String n : m.group(2).substring(1).split("\\.")) {
                numbers.add(Long.parseLong(n));
            }
        }
        while (numbers.size() < NUMBERS) {
            numbers.add(0L);
        }
        List<String> pre = m.group(3) == null ? List.of() : List.of(m.group(3).split("\\."));
        return Optional.of(new VersionNumber(List.copyOf(numbers), pre, text));
    }

    @Override
    public int compareTo(VersionNumber other) {
        for (int i = 0; i < NUMBERS; i++) {
            int c = Long.compare(numbers.get(i), other.numbers.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            int c = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    /** Numeric identifiers by value and below alphanumeric ones; alphanumeric ones in ASCII order. */
    private static int compareIdentifiers(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return text;
    }
}

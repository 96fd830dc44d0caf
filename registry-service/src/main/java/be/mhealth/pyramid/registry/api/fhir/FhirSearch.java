package be.mhealth.pyramid.registry.api.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.support.time.PlatformCalendar;

/**
 * A FHIR search's parameters (R4 "Search" page) turned into SQL on the listed apps: the condition, its values, the
 * page size and cursor, and the parameters it used (for the Bundle's links). Invalid values are a 400; parameters it
 * does not know are ignored (and left out of the {@code self} link) unless the client asked {@code Prefer:
 * handling=strict}.
 */
public final class FhirSearch {

    /** Parameters that shape the response, not the search; kept in links. */
    static final Set<String> RESULT_PARAMETERS = Set.of("_format", "_pretty");
    /** Dates without a time are days on the platform's calendar (Belgium). */
    static final ZoneId ZONE = PlatformCalendar.ZONE;
    private static final Pattern DATE = Pattern.compile(
            "(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\\d{4})(-(\\d{2})(-(\\d{2})(T(\\d{2}):(\\d{2})(:(\\d{2})(\\.\\d+)?)?"
                    + "(Z|[+-]\\d{2}:\\d{2})?)?)?)?");

    private final StringBuilder where = new StringBuilder();
    private final List<Object> values = new ArrayList<>();
    private final Map<String, List<String>> used = new LinkedHashMap<>();
    private int count;
    private UUID cursor;
    private boolean countOnly;

    private FhirSearch() {
    }

    public String where() {
        return where.toString();
    }

    public List<Object> values() {
        return values;
    }

    public int count() {
        return count;
    }

    public UUID cursor() {
        return cursor;
    }

    /** {@code _summary=count} or {@code _count=0}: the total only. */
    public boolean countOnly() {
        return countOnly;
    }

    /** The query string of this search (without the cursor), for {@code self}; with {@code after} for {@code next}. */
    public String query(UUID after) {
        StringBuilder query = new StringBuilder();
        used.forEach((name, list) -> list.forEach(value -> query.append(query.isEmpty() ? "" : "&")
                .append(encode(name)).append('=').append(encode(value))));
        query.append(query.isEmpty() ? "" : "&").append("_count=").append(count);
        if (after != null) {
            query.append("&_cursor=").append(after);
        }
        return query.toString();
    }

    /** A DeviceDefinition search: {@code _id}, {@code name} (:contains, :exact), {@code level}, {@code category},
     * {@code _lastUpdated}. */
    public static FhirSearch deviceDefinitions(MultivaluedMap<String, String> parameters, boolean strict,
            int defaultCount, int maxCount) {
        FhirSearch search = new FhirSearch();
        search.common(parameters, defaultCount, maxCount);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            for (String value : parameter.getValue()) {
                switch (name) {
                    case "_id" -> search.ids(value);
                    case "name", "name:contains", "name:exact" -> search.name(name, value);
                    case "level" -> search.token(name, value, FhirUrls.CS_LEVEL, "a.effective_level",
                            code -> code.matches("M[123]") ? Level.valueOf(code).name() : null, "M1, M2, M3");
                    case "category" -> search.token(name, value, FhirUrls.CS_CATEGORY, "a.category",
                            FhirSearch::category, String.join(", ", names(Category.values())));
                    case "_lastUpdated" -> search.lastUpdated(value);
                    default -> search.unknown(name, strict);
                }
            }
        }
        return search;
    }

    /** A ChargeItemDefinition search: {@code _id}, {@code device} (a DeviceDefinition reference or id). */
    public static FhirSearch chargeItemDefinitions(MultivaluedMap<String, String> parameters, boolean strict,
            int defaultCount, int maxCount) {
        FhirSearch search = new FhirSearch();
        search.common(parameters, defaultCount, maxCount);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            for (String value : parameter.getValue()) {
                switch (name) {
                    case "_id" -> search.ids(value);
                    case "device" -> search.device(value);
                    default -> search.unknown(name, strict);
                }
            }
        }
        return search;
    }

    private void common(MultivaluedMap<String, String> parameters, int defaultCount, int maxCount) {
        count = defaultCount;
        String c = single(parameters, "_count");
        if (c != null) {
            try {
                int asked = Integer.parseInt(c.trim());
                if (asked < 0) {
                    throw FhirException.invalid("_count", "must be 0 or more");
                }
                count = Math.min(asked, maxCount);
                countOnly = asked == 0;
            } catch (NumberFormatException e) {
                throw FhirException.invalid("_count", "must be a whole number");
            }
        }
        String summary = single(parameters, "_summary");
        if (summary != null) {
            switch (summary) {
                case "count" -> countOnly = true;
                case "false" -> {
                }
                default -> throw new FhirException(400, IssueType.NOTSUPPORTED,
                        "_summary: only count and false are supported", "_summary");
            }
            used.put("_summary", List.of(summary));
        }
        String after = single(parameters, "_cursor");
        if (after != null) {
            try {
                cursor = UUID.fromString(after.trim());
            } catch (IllegalArgumentException e) {
                throw FhirException.invalid("_cursor", "is not the cursor of a next link");
            }
        }
        for (String result : RESULT_PARAMETERS) {
            String value = single(parameters, result);
            if (value != null) {
                used.put(result, List.of(value));
            }
        }
    }

    private void unknown(String name, boolean strict) {
        if (name.equals("_count") || name.equals("_summary") || name.equals("_cursor")
                || RESULT_PARAMETERS.contains(name)) {
            return;
        }
        if (strict) {
            throw new FhirException(400, IssueType.NOTSUPPORTED, name + ": this search parameter is not supported "
                    + "(see the CapabilityStatement at metadata)", name);
        }
    }

    private void ids(String value) {
        List<UUID> ids = new ArrayList<>();
        for (String id : alternatives(value)) {
            try {
                ids.add(UUID.fromString(id.trim()));
            } catch (IllegalArgumentException e) {
                // Not an id of this server: it matches nothing.
            }
        }
        where.append(" and a.id = any(?)");
        values.add(ids.toArray(UUID[]::new));
        use("_id", value);
    }

    /**
     * FHIR string search: case-insensitive "starts with" by default, {@code :contains} anywhere, {@code :exact}
     * exactly; in any of the app's languages. The trigram condition on name and summary lets PostgreSQL use the
     * catalog's text indexes (app_search_*); the name condition then decides.
     */
    private void name(String parameter, String value) {
        List<String> alternatives = alternatives(value);
        if (alternatives.stream().anyMatch(String::isBlank)) {
            throw FhirException.invalid(parameter, "must not be empty");
        }
        List<String> any = new ArrayList<>();
        for (String text : alternatives) {
            String literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            for (String[] columns : List.of(new String[] { "a.name_nl", "a.summary_nl" },
                    new String[] { "a.name_fr", "a.summary_fr" }, new String[] { "a.name_en", "a.summary_en" },
                    new String[] { "coalesce(a.name_de, a.name_en)", "coalesce(a.summary_de, a.summary_en)" })) {
                String nameCondition = switch (parameter) {
                    case "name:exact" -> columns[0] + " = ?";
                    default -> columns[0] + " ilike ?";
                };
                any.add("((" + columns[0] + " || ' ' || " + columns[1] + ") ilike ? and " + nameCondition + ")");
                values.add("%" + literal + "%");
                values.add(switch (parameter) {
                    case "name:exact" -> text;
                    case "name:contains" -> "%" + literal + "%";
                    default -> literal + "%";
                });
            }
        }
        where.append(" and (").append(String.join(" or ", any)).append(')');
        use(parameter, value);
    }

    private interface Codes {
        String code(String value);
    }

    /** A token: {@code code} or {@code system|code}; a code of another system matches nothing. */
    private void token(String parameter, String value, String system, String column, Codes codes, String known) {
        List<String> matching = new ArrayList<>();
        for (String token : alternatives(value)) {
            int bar = token.indexOf('|');
            String tokenSystem = bar < 0 ? null : token.substring(0, bar);
            String code = bar < 0 ? token : token.substring(bar + 1);
            String known_ = codes.code(code);
            if (known_ == null) {
                throw FhirException.invalid(parameter, "'" + code + "' is not a code of " + system + " (" + known + ")");
            }
            if (tokenSystem == null || tokenSystem.equals(system)) {
                matching.add(known_);
            }
        }
        where.append(" and ").append(column).append(" = any(?)");
        values.add(matching.toArray(String[]::new));
        use(parameter, value);
    }

    /** {@code device}: DeviceDefinition/{id}, an absolute URL ending so, or the id alone. */
    private void device(String value) {
        List<UUID> ids = new ArrayList<>();
        for (String reference : alternatives(value)) {
            String id = reference.contains("/") ? reference.substring(reference.lastIndexOf('/') + 1) : reference;
            if (reference.contains("/") && !reference.contains("DeviceDefinition/")) {
                throw FhirException.invalid("device", "must reference a DeviceDefinition");
            }
            try {
                ids.add(UUID.fromString(id.trim()));
            } catch (IllegalArgumentException e) {
                // Not an id of this server: it matches nothing.
            }
        }
        where.append(" and a.id = any(?)");
        values.add(ids.toArray(UUID[]::new));
        use("device", value);
    }

    /** {@code _lastUpdated}: eq, ne, gt, lt, ge, le on the range a date of any precision spans. */
    private void lastUpdated(String value) {
        if (alternatives(value).size() != 1) {
            throw FhirException.invalid("_lastUpdated", "takes one date per parameter (repeat it for a range)");
        }
        Matcher m = DATE.matcher(value.trim());
        if (!m.matches()) {
            throw FhirException.invalid("_lastUpdated", "must be a FHIR date or dateTime with an optional prefix "
                    + "(eq, ne, gt, lt, ge, le), e.g. ge2026-01-01");
        }
        String prefix = m.group(1) == null ? "eq" : m.group(1);
        OffsetDateTime start;
        OffsetDateTime end;
        try {
            int year = Integer.parseInt(m.group(2));
            if (m.group(4) == null) {
                start = LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toOffsetDateTime();
                end = start.plusYears(1);
            } else if (m.group(6) == null) {
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(4)));
                start = month.atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
                end = start.plusMonths(1);
            } else if (m.group(7) == null) {
                start = LocalDate.of(year, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(6))).atStartOfDay(ZONE)
                        .toOffsetDateTime();
                end = start.plusDays(1);
            } else {
                if (m.group(13) == null) {
                    throw FhirException.invalid("_lastUpdated", "a time needs a time zone (Z or +hh:mm)");
                }
                String text = m.group(2) + "-" + m.group(4) + "-" + m.group(6) + "T" + m.group(8) + ":" + m.group(9)
                        + ":" + (m.group(11) == null ? "00" : m.group(11)) + (m.group(12) == null ? "" : m.group(12))
                        + m.group(13);
                start = OffsetDateTime.parse(text);
                // The range the value's precision spans: a minute, a second, or the instant itself.
                end = m.group(11) == null ? start.plusMinutes(1) : m.group(12) == null ? start.plusSeconds(1)
                        : start.plusNanos(1);
            }
        } catch (java.time.DateTimeException e) {
            throw FhirException.invalid("_lastUpdated", "is not a valid date: " + value);
        }
        String lastUpdated = "greatest(a.updated_at, a.level_since, (select max(g.updated_at) from level_grant g "
                + "where g.app_id = a.id))";
        switch (prefix.toLowerCase(Locale.ROOT)) {
            case "eq" -> range(lastUpdated + " >= ? and " + lastUpdated + " < ?", start, end);
            case "ne" -> range("not (" + lastUpdated + " >= ? and " + lastUpdated + " < ?)", start, end);
            case "gt" -> range(lastUpdated + " >= ?", end);
            case "ge" -> range(lastUpdated + " >= ?", start);
            case "lt" -> range(lastUpdated + " < ?", start);
            case "le" -> range(lastUpdated + " < ?", end);
            default -> throw new FhirException(400, IssueType.NOTSUPPORTED,
                    "_lastUpdated: the prefix " + prefix + " is not supported (eq, ne, gt, lt, ge, le)", "_lastUpdated");
        }
        use("_lastUpdated", value);
    }

    private void range(String condition, OffsetDateTime... bounds) {
        where.append(" and ").append(condition);
        values.addAll(List.of(bounds));
    }

    private void use(String name, String value) {
        used.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    private static String category(String code) {
        for (Category category : Category.values()) {
            if (category.name().equals(code)) {
                return code;
            }
        }
        return null;
    }

    private static List<String> names(Enum<?>[] constants) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : constants) {
            names.add(constant.name());
        }
        return names;
    }

    /** The comma-separated alternatives of a value (OR), with FHIR's escapes ({@code \,} {@code \|} {@code \\}). */
    static List<String> alternatives(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                part.append(value.charAt(++i));
            } else if (c == ',') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String single(MultivaluedMap<String, String> parameters, String name) {
        List<String> list = parameters.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        if (list.size() > 1) {
            throw FhirException.invalid(name, "may be given once");
        }
        return list.get(0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package be.mhealth.pyramid.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.Topic;

/**
 * Proves that a consumer can store everything a producer may send: every limited part of every payload of the topics
 * it consumes (see {@link Limits#fields}), and the CloudEvents {@code ce_id} and {@code ce_type}, is mapped to the
 * columns that store it (or explicitly to none), and each column (read from {@code information_schema}) holds the
 * limit. A new limited field without a mapping fails, so none can escape.
 */
public final class ContractStorage {

    /** A part the consumer does not store. */
    public static final List<String> NOT_STORED = List.of();
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";

    private ContractStorage() {
    }

    /** Every limited part a consumer of {@code topics} receives, by name ({@code M1Revoked.reason}, {@code ce_id}). */
    public static Map<String, Limits.Field> limitedParts(Set<Topic> topics) {
        Map<String, Limits.Field> parts = new LinkedHashMap<>();
        parts.put(CE_ID, new Limits.Field(null, CE_ID, Limits.Kind.LENGTH, Limits.EVENT_ID, 0));
        parts.put(CE_TYPE, new Limits.Field(null, CE_TYPE, Limits.Kind.LENGTH, Limits.EVENT_TYPE, 0));
        for (EventType type : EventType.values()) {
            if (topics.contains(type.topic())) {
                for (Limits.Field field : Limits.fields(type.payloadType())) {
                    parts.put(field.name(), field);
                }
            }
        }
        return parts;
    }

    /** Throws an AssertionError listing every part without a mapping, every stale mapping and every short column. */
    public static void check(Connection db, Set<Topic> topics, Map<String, List<String>> stored) throws SQLException {
        Map<String, Limits.Field> parts = limitedParts(topics);
        List<String> problems = new ArrayList<>();
        Set<String> unmapped = new TreeSet<>(parts.keySet());
        unmapped.removeAll(stored.keySet());
        unmapped.forEach(p -> problems.add(p + ": limited, but the test names no column storing it (nor NOT_STORED)"));
        Set<String> stale = new TreeSet<>(stored.keySet());
        stale.removeAll(parts.keySet());
        stale.forEach(p -> problems.add(p + ": mapped, but no consumed payload has this limited part"));
        for (Map.Entry<String, List<String>> entry : stored.entrySet()) {
            Limits.Field field = parts.get(entry.getKey());
            if (field == null) {
                continue;
            }
            for (String column : entry.getValue()) {
                String problem = holds(db, column, field);
                if (problem != null) {
                    problems.add(entry.getKey() + " (" + describe(field) + ") → " + column + ": " + problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("the consumer's storage does not hold the event contract:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static String holds(Connection db, String column, Limits.Field field) throws SQLException {
        String[] parts = column.split("\\.");
        try (PreparedStatement query = db.prepareStatement("select data_type, udt_name, character_maximum_length, "
                + "numeric_precision, numeric_scale from information_schema.columns "
                + "where table_schema = current_schema() and table_name = ? and column_name = ?")) {
            query.setString(1, parts[0]);
            query.setString(2, parts[1]);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return "no such column";
                }
                String type = row.getString("data_type");
                String udt = row.getString("udt_name");
                Integer length = (Integer) row.getObject("character_maximum_length");
                Integer precision = (Integer) row.getObject("numeric_precision");
                Integer scale = (Integer) row.getObject("numeric_scale");
                return switch (field.kind()) {
                    case LENGTH -> switch (type) {
                        case "text" -> null;
                        // a key or value of a map kept as one jsonb document: any length
                        case "jsonb" -> null;
                        case "character varying" -> length == null || length >= field.max() ? null
                                : "holds " + length + " characters";
                        case "ARRAY" -> "_text".equals(udt) ? null : "an array of " + udt + ", not of text";
                        default -> "is " + type + ", not a text column";
                    };
                    case ITEMS -> "ARRAY".equals(type) || "jsonb".equals(type) ? null
                            : "is " + type + ", not an array or jsonb";
                    case DIGITS -> !"numeric".equals(type) ? "is " + type + ", not numeric"
                            : precision == null ? null
                            : scale >= field.fraction() && precision - scale >= field.max() ? null
                            : "is numeric(" + precision + "," + scale + ")";
                };
            }
        }
    }

    private static String describe(Limits.Field field) {
        return switch (field.kind()) {
            case LENGTH -> "up to " + field.max() + " characters";
            case ITEMS -> "up to " + field.max() + " items";
            case DIGITS -> field.max() + " integer and " + field.fraction() + " fraction digits";
        };
    }
}

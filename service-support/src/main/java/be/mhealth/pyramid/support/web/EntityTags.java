package be.mhealth.pyramid.support.web;

import jakarta.ws.rs.core.EntityTag;

import be.mhealth.pyramid.support.problem.PreconditionException;

/**
 * Strong ETags from a record's {@code @Version}, and the {@code If-Match} checks: required on a replacement (PUT:
 * 428 without, 412 when stale), optional on a transition (412 when sent and stale). Services check it on the record
 * they loaded for change, under its row lock, so the version cannot move between the check and the write.
 */
public final class EntityTags {
    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** For transitions: when {@code ifMatch} is sent, 412 unless it names the current version. */
    public static void matchIfGiven(String ifMatch, long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            requireMatch(ifMatch, currentVersion);
        }
    }

    /** For replacements: 428 when {@code ifMatch} is absent, 412 when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionException.missing();
        }
        String current = of(currentVersion).getValue();
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw PreconditionException.stale("\"" + current + "\"");
    }
}

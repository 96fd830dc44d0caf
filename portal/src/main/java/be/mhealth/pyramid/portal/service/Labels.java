package be.mhealth.pyramid.portal.service;

import java.util.Map;

/**
 * The platform's names for its codes (categories, platforms, target users, levels, criteria …) in one language, as
 * the API serves them. A code without a label shows as the code itself.
 */
public record Labels(Map<String, String> byKey) {

    public static final Labels NONE = new Labels(Map.of());

    /** {@code kind} is the vocabulary (category, platform, targetUser, level, criterion …). */
    public String of(String kind, Object code) {
        if (code == null) {
            return null;
        }
        String c = code.toString();
        return byKey.getOrDefault(kind + "." + c, c);
    }
}

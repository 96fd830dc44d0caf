package be.mhealth.pyramid.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A realm's browser flow, walked as Keycloak walks it for a user who signs in with a password (no session cookie
 * yet): which forms the user meets. Only the kinds of executions the Pyramid flow uses are understood; anything
 * else fails, so a changed flow is looked at again instead of being passed unread.
 */
record BrowserFlow(JsonNode realm, Map<String, JsonNode> flows, Map<String, JsonNode> configs) {

    static BrowserFlow of(JsonNode realm) {
        Map<String, JsonNode> flows = new HashMap<>();
        realm.get("authenticationFlows").forEach(f -> flows.put(f.get("alias").asText(), f));
        Map<String, JsonNode> configs = new HashMap<>();
        realm.path("authenticatorConfig").forEach(c -> configs.put(c.get("alias").asText(), c.get("config")));
        return new BrowserFlow(realm, flows, configs);
    }

    /**
     * How many one-time-code forms a user with these realm roles meets after the password form. A user who has
     * not set up a code meets the form as a required action to set one up, which Keycloak adds for a REQUIRED
     * OTP form the user is not configured for.
     */
    int oneTimeCodes(Set<String> roles, boolean codeSetUp) {
        JsonNode top = flows.get(realm.get("browserFlow").asText());
        assertThat(top).as("the realm's browser flow").isNotNull();
        assertThat(top.get("topLevel").asBoolean()).isTrue();
        // Top level: the session cookie, or else the forms.
        List<JsonNode> executions = executions(top);
        assertThat(executions).allSatisfy(e -> assertThat(e.get("requirement").asText()).isIn("ALTERNATIVE", "DISABLED"));
        List<JsonNode> alternatives = executions.stream().filter(e -> e.get("requirement").asText().equals("ALTERNATIVE")).toList();
        assertThat(alternatives).hasSize(2);
        assertThat(alternatives.get(0).path("authenticator").asText()).isEqualTo("auth-cookie");
        assertThat(alternatives.get(1).get("authenticatorFlow").asBoolean()).as("the forms: a sub-flow").isTrue();

        List<String> met = new ArrayList<>();
        run(flows.get(alternatives.get(1).get("flowAlias").asText()), effectiveRoles(roles), codeSetUp, met);
        assertThat(met).as("the password comes first").first().isEqualTo("auth-username-password-form");
        return (int) met.stream().filter("auth-otp-form"::equals).count();
    }

    private void run(JsonNode flow, Set<String> roles, boolean codeSetUp, List<String> met) {
        assertThat(flow).isNotNull();
        for (JsonNode e : executions(flow)) {
            String requirement = e.get("requirement").asText();
            if (requirement.equals("DISABLED")) {
                continue;
            }
            assertThat(requirement).as("sequences of REQUIRED and CONDITIONAL steps").isIn("REQUIRED", "CONDITIONAL");
            if (e.get("authenticatorFlow").asBoolean()) {
                JsonNode sub = flows.get(e.get("flowAlias").asText());
                if (requirement.equals("REQUIRED") || conditionsHold(sub, roles, codeSetUp)) {
                    run(sub, roles, codeSetUp, met);
                }
            } else if (!e.get("authenticator").asText().startsWith("conditional-")) {
                assertThat(requirement).isEqualTo("REQUIRED");
                assertThat(e.get("authenticator").asText()).isIn("auth-username-password-form", "auth-otp-form");
                met.add(e.get("authenticator").asText());
            }
        }
    }

    /** A CONDITIONAL sub-flow runs when all its conditions hold. */
    private boolean conditionsHold(JsonNode flow, Set<String> roles, boolean codeSetUp) {
        boolean hold = true;
        for (JsonNode e : executions(flow)) {
            String authenticator = e.path("authenticator").asText();
            if (!authenticator.startsWith("conditional-") || e.get("requirement").asText().equals("DISABLED")) {
                continue;
            }
            assertThat(e.get("requirement").asText()).isEqualTo("REQUIRED");
            hold &= switch (authenticator) {
                case "conditional-user-role" -> {
                    JsonNode config = configs.get(e.get("authenticatorConfig").asText());
                    yield roles.contains(config.get("condUserRole").asText()) != config.path("negate").asBoolean();
                }
                // "configured" = the user has set up every authenticator of the sub-flow: here the one-time code.
                case "conditional-user-configured" -> {
                    assertThat(executions(flow)).filteredOn(x -> !x.path("authenticator").asText().startsWith("conditional-"))
                            .allSatisfy(x -> assertThat(x.path("authenticator").asText()).isEqualTo("auth-otp-form"));
                    yield codeSetUp;
                }
                default -> throw new AssertionError("condition not understood here: " + authenticator);
            };
        }
        return hold;
    }

    /** The user's roles with the composites they contain (Keycloak's hasRole). */
    private Set<String> effectiveRoles(Set<String> direct) {
        Set<String> roles = new HashSet<>(direct);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JsonNode role : realm.get("roles").get("realm")) {
                if (roles.contains(role.get("name").asText())) {
                    for (JsonNode child : role.path("composites").path("realm")) {
                        grew |= roles.add(child.asText());
                    }
                }
            }
        }
        return roles;
    }

    private static List<JsonNode> executions(JsonNode flow) {
        return StreamSupport.stream(flow.get("authenticationExecutions").spliterator(), false)
                .sorted(Comparator.comparingInt(e -> e.get("priority").asInt())).toList();
    }
}

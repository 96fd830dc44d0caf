package be.mhealth.pyramid.support.openapi;

import java.util.List;

import be.mhealth.pyramid.support.problem.Problem;

/**
 * Every problem {@code type} the platform answers with ({@code https://pyramid.mhealth.be/problems/<slug>}), its
 * status and what it means. Documented once, in each service's OpenAPI document (the {@code x-problem-types}
 * extension and the description of the {@code Problem} schema) and in the README.
 */
public final class ProblemTypes {

    /** One problem type: its slug, its HTTP status and its meaning. */
    public record Type(String slug, int status, String meaning) {
        public String uri() {
            return Problem.TYPE_BASE + slug;
        }
    }

    public static final List<Type> ALL = List.of(
            new Type("validation", 400, "a field or parameter is invalid; `errors[]` names each one (`field`, `message`)"),
            new Type("malformed-json", 400, "the body is not JSON, or not of the expected shape"),
            new Type("bad-request", 400, "the request is malformed (e.g. an invalid `Content-Length`)"),
            new Type("bad-path", 400, "the path has dot segments, encoded slashes or backslashes (gateway)"),
            new Type("client-closed", 400, "the client went away before the answer (gateway; seen in logs only)"),
            new Type("unauthorized", 401, "no bearer token, or an invalid or expired one"),
            new Type("forbidden", 403, "the token lacks the role the operation needs, or a vendor token has no organization"),
            new Type("not-found", 404, "no such resource, or one the caller may not see (another organization's record)"),
            new Type("method-not-allowed", 405, "the resource does not answer this HTTP method"),
            new Type("not-acceptable", 406, "no representation matches `Accept`"),
            new Type("request-timeout", 408, "the request body did not arrive in time (gateway)"),
            new Type("illegal-transition", 409, "the action is not allowed in the resource's current state (`currentState`)"),
            new Type("dossier-exists", 409, "the app already has an open (or approved) dossier at this level"),
            new Type("level-too-low", 409, "the app's effective level is below what this dossier needs"),
            new Type("concurrent-update", 409, "another request changed the resource at the same moment; read it again and retry"),
            new Type("criteria-not-passed", 409, "M2 approval needs a current PASS for every required criterion"),
            new Type("extension-used", 409, "the M3 evaluation was extended already"),
            new Type("already-resolved", 409, "the parked event was retried or discarded already"),
            new Type("held-behind", 409, "an earlier parked event of the same app must be resolved first"),
            new Type("retry-failed", 409, "the parked event still cannot be applied; it stays parked with the new error"),
            new Type("stale-etag", 412, "`If-Match` names an outdated version; read the resource again"),
            new Type("payload-too-large", 413, "the request body exceeds the limit"),
            new Type("unsupported-media-type", 415, "the body's `Content-Type` is not accepted here"),
            new Type("rule-violation", 422, "the request is well-formed but breaks a rule (e.g. an `Idempotency-Key` reused for another request); `errors[]` names the field"),
            new Type("precondition-required", 428, "the update needs `If-Match` with the resource's ETag"),
            new Type("too-many-requests", 429, "the caller's rate limit or in-flight cap is reached; see `Retry-After` (gateway)"),
            new Type("internal", 500, "an unexpected error; `detail` carries an incident id for the operators"),
            new Type("bad-gateway", 502, "the service gave no valid answer (gateway)"),
            new Type("unavailable", 503, "a passing failure (e.g. the database); nothing changed, retry later"),
            new Type("upstream-unavailable", 503, "the service cannot be reached or is failing; see `Retry-After` (gateway)"),
            new Type("upstream-timeout", 504, "the service did not answer in time (gateway)"),
            new Type("http-<status>", 0, "any other HTTP error, by its status code"));

    private ProblemTypes() {
    }
}

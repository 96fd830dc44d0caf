package be.mhealth.pyramid.m3.api;

/** Shared OpenAPI texts. */
final class ApiDocs {
    static final String PROBLEM = "application/problem+json";
    static final String TAG = "M3 reimbursement";
    static final String IF_MATCH = "the dossier's ETag; optional for actions, checked when given";
    static final String IDEMPOTENCY_KEY = "a client key that makes a retried write return the first response";

    private ApiDocs() {
    }
}

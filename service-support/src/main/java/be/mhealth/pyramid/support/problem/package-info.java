/**
 * RFC 9457 problem+json for every error, one exception mapper per kind: bean validation (400), unreadable
 * JSON (400), business rules (422), not found (404), state conflicts (409), ETags (412/428), 401, 403, other
 * JAX-RS statuses, and unexpected errors (500, no stack trace).
 */
package be.mhealth.pyramid.support.problem;

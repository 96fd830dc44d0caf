package be.mhealth.pyramid.registry.api.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** A request the FHIR API refuses: answered as an OperationOutcome with this status. */
public class FhirException extends RuntimeException {

    private final int status;
    private final IssueType issue;
    private final String expression;

    public FhirException(int status, IssueType issue, String diagnostics, String expression) {
        super(diagnostics);
        this.status = status;
        this.issue = issue;
        this.expression = expression;
    }

    public static FhirException invalid(String parameter, String diagnostics) {
        return new FhirException(400, IssueType.INVALID, parameter + ": " + diagnostics, parameter);
    }

    public static FhirException notFound(String diagnostics) {
        return new FhirException(404, IssueType.NOTFOUND, diagnostics, null);
    }

    public int status() {
        return status;
    }

    public IssueType issue() {
        return issue;
    }

    public String expression() {
        return expression;
    }
}

package be.mhealth.pyramid.support.problem;

/** A query parameter (or header) that cannot be parsed or lies out of range: 400 naming it. */
public class InvalidParameterException extends RuntimeException {
    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}

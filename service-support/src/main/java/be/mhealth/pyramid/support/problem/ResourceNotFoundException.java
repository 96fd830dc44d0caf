package be.mhealth.pyramid.support.problem;

/** The resource does not exist, or the caller may not know that it exists (another organization's). */
public class ResourceNotFoundException extends RuntimeException {
    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " not found");
    }
}

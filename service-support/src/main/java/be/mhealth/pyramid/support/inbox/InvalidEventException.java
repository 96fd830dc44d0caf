package be.mhealth.pyramid.support.inbox;

/**
 * A record that can never be applied as it is: unreadable payload, missing or malformed CloudEvents headers, a type
 * that is unknown or not allowed on its topic, a source other than the topic's producer, a broken contract limit.
 * The inbox parks it at once.
 */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

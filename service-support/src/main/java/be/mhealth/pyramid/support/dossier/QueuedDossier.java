package be.mhealth.pyramid.support.dossier;

import java.util.Map;

/** A dossier in a review queue with its app's name (from the local app copy; null while unknown). */
public record QueuedDossier<D extends LevelDossier>(D dossier, Map<String, String> appName) {
}

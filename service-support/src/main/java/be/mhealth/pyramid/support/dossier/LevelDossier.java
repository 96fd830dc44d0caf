package be.mhealth.pyramid.support.dossier;

import java.util.UUID;

import be.mhealth.pyramid.events.Level;

/** What every level's dossier aggregate tells the shared pieces: which dossier, of which app and organization. */
public interface LevelDossier {

    UUID id();

    UUID appId();

    String organizationId();

    /** The level the dossier is for; also which decisions topic its state changes go to. */
    Level level();
}

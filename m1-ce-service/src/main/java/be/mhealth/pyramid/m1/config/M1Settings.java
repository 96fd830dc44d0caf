package be.mhealth.pyramid.m1.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the M1 service (prefix {@code pyramid.m1}). */
@ConfigMapping(prefix = "pyramid.m1")
public interface M1Settings {

    Attachments attachments();

    Expiry expiry();

    Reassessment reassessment();

    interface Attachments {
        /** The largest PDF a vendor may upload; larger ones get 413. Keep below quarkus.http.limits.max-body-size. */
        @WithDefault("10M")
        MemorySize maxSize();

        /** How many attachments one dossier may hold (422 beyond). */
        @WithDefault("20")
        int maxPerDossier();

        /** How many attachments all dossiers of one organization may hold together (422 quota-exceeded beyond). */
        @WithDefault("1000")
        int maxPerOrganization();

        /**
         * How many bytes of attachments all dossiers of one organization may hold together (422 quota-exceeded
         * beyond).
         */
        @WithDefault("2G")
        MemorySize maxTotalSizePerOrganization();
    }

    /** Re-assessments after a significant change declared for M1 (intended purpose, device class). */
    interface Reassessment {
        /** How many days FAMHP has to confirm or revoke the grant (the queue's due date). */
        @WithDefault("60")
        int dueWithinDays();
    }

    /** The certificate expiry job; {@code CertificateExpiryJob}'s {@code @Scheduled} reads these two. */
    interface Expiry {
        @WithDefault("1h")
        Duration every();

        /** How long after start-up the first run waits. */
        @WithDefault("30s")
        Duration delay();
    }
}

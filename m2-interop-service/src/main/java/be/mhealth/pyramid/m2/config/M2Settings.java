package be.mhealth.pyramid.m2.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the M2 service (prefix {@code pyramid.m2}). */
@ConfigMapping(prefix = "pyramid.m2")
public interface M2Settings {

    Reassessment reassessment();

    /** Re-assessments after a significant change declared for M2 (data flows, hosting, authentication). */
    interface Reassessment {
        /** How many days the eHealth platform has to confirm or revoke the grant (the queue's due date). */
        @WithDefault("60")
        int dueWithinDays();
    }
}

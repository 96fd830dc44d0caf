package be.mhealth.pyramid.m3.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the reimbursement service (prefix {@code m3}). */
@ConfigMapping(prefix = "m3")
public interface M3Config {

    /** The zone whose calendar days the statutory clocks count. */
    @WithDefault("Europe/Brussels")
    ZoneId zone();

    /** How often the procedure clock job runs (a Quarkus {@code every} value; {@code off} disables it). */
    String clockJobEvery();
}

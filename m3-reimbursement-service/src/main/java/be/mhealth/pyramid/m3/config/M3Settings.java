package be.mhealth.pyramid.m3.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the reimbursement service ({@code pyramid.m3.*}). */
@ConfigMapping(prefix = "pyramid.m3")
public interface M3Settings {

    /** How often the procedure clock job runs (a Quarkus {@code every} value; {@code off} disables it). */
    @WithDefault("1h")
    String clockJobEvery();
}

package be.mhealth.pyramid.m3.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "M3StudyDesign", description = "The design of a clinical study")
public enum StudyDesign {
    RCT, OBSERVATIONAL, OTHER
}

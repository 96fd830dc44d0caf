package be.mhealth.pyramid.m3.domain;

public enum StudyDesign {
    RCT, OBSERVATIONAL, OTHER
}

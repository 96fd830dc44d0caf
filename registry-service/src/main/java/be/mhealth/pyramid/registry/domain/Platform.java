package be.mhealth.pyramid.registry.domain;

public enum Platform {
    IOS, ANDROID, WEB
}

package be.mhealth.pyramid.registry.api;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;

/** An app's listing data, as a vendor creates or replaces it. */
@Schema(name = "AppRequest", description = "An app's listing data (create, or full replacement on update)")
public record AppRequest(
        @NotNull @Valid Name name,
        @NotNull @Valid Summary summary,
        @Valid Description description,
        @NotNull Category category,
        @NotEmpty Set<@NotNull TargetUser> targetUsers,
        @NotEmpty Set<@NotNull Platform> platforms,
        @NotNull @HttpsUrl @Size(max = 500) String website,
        @Valid StoreLinks storeLinks,
        @NotNull @Valid SupportContact supportContact,
        @Schema(description = "ISO 639-1 codes of the languages the app itself supports", examples = "[\"nl\",\"fr\"]")
        @NotEmpty @Size(max = 40) Set<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as nl") String> supportedLanguages) {

    /** The request body's example in the OpenAPI document. */
    static final String EXAMPLE = """
            {"name": {"nl": "HartRitme", "fr": "RythmeCoeur", "en": "HeartRhythm"},
             "summary": {"nl": "Volgt uw hartritme op.", "fr": "Suit votre rythme cardiaque.",
                         "en": "Tracks your heart rhythm."},
             "description": {"en": "Records an ECG with the phone's sensor and shares it with your cardiologist."},
             "category": "CARDIOLOGY", "targetUsers": ["PATIENT"], "platforms": ["IOS", "ANDROID"],
             "website": "https://heartrhythm.example.com",
             "storeLinks": {"appStore": "https://apps.apple.com/app/id000000001"},
             "supportContact": {"email": "support@heartrhythm.example.com", "phone": "+32 2 123 45 67"},
             "supportedLanguages": ["nl", "fr", "en"]}""";

    /** Blank text where text is optional but was given. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    @Schema(name = "AppName", description = "The app's name; nl, fr and en required, de optional")
    public record Name(
            @NotBlank @Size(max = Limits.APP_NAME) String nl,
            @NotBlank @Size(max = Limits.APP_NAME) String fr,
            @NotBlank @Size(max = Limits.APP_NAME) String en,
            @Size(max = Limits.APP_NAME) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String de) {
    }

    @Schema(name = "AppSummary", description = "A one-paragraph summary; nl, fr and en required, de optional")
    public record Summary(
            @NotBlank @Size(max = 500) String nl,
            @NotBlank @Size(max = 500) String fr,
            @NotBlank @Size(max = 500) String en,
            @Size(max = 500) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String de) {
    }

    @Schema(name = "AppDescription", description = "A longer description; every language optional")
    public record Description(
            @Size(max = 5000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String nl,
            @Size(max = 5000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String fr,
            @Size(max = 5000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String en,
            @Size(max = 5000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String de) {
    }

    @Schema(name = "StoreLinks", description = "Where to install the app")
    public record StoreLinks(
            @HttpsUrl @Size(max = 500) String appStore,
            @HttpsUrl @Size(max = 500) String googlePlay) {
    }

    @Schema(name = "SupportContact", description = "How users reach the vendor's support")
    public record SupportContact(
            @NotBlank @Email @Size(max = 200) String email,
            @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{6,40}", message = "must be a phone number such as +32 2 123 45 67") String phone,
            @HttpsUrl @Size(max = 500) String url) {
    }
}

package be.mhealth.pyramid.portal.api;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The portal's own words (headings, buttons, field names) in English; {@code messages/msg_nl.properties} and
 * {@code msg_fr.properties} translate them. What the platform names (categories, platforms, criteria, levels …) is
 * never here: it comes from the API's labels.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Skip to content")
    String skip_link();

    @Message("mHealth pyramid")
    String site_name();

    @Message("What has been checked about health apps in Belgium")
    String site_tagline();

    @Message("Main menu")
    String nav_label();

    @Message("Catalog")
    String nav_catalog();

    @Message("Sign in")
    String nav_sign_in();

    @Message("My space")
    String nav_my_space();

    @Message("Sign out")
    String nav_sign_out();

    @Message("Language")
    String language_switch();

    @Message("Health apps")
    String catalog_title();

    @Message("Search the catalog")
    String search_legend();

    @Message("Name or description")
    String search_label();

    @Message("at least 3 characters")
    String search_hint();

    @Message("Level")
    String filter_level();

    @Message("Category")
    String filter_category();

    @Message("Platform")
    String filter_platform();

    @Message("For")
    String filter_target_user();

    @Message("All")
    String filter_any();

    @Message("Search")
    String apply();

    @Message("Clear the filters")
    String reset();

    @Message("{total} apps found")
    String results(long total);

    @Message("No app matches this search.")
    String no_results();

    @Message("Apps per level")
    String per_level();

    @Message("Results")
    String results_heading();

    @Message("Pages")
    String paging_label();

    @Message("Previous page")
    String page_prev();

    @Message("Next page")
    String page_next();

    @Message("Page {page} of {pages}")
    String page_of(int page, long pages);

    @Message("Levels of the pyramid")
    String levels_heading();

    @Message("Apps at level {level}")
    String level_title(String level);

    @Message("Search 3 characters or more.")
    String search_too_short();

    @Message("Current level")
    String app_level();

    @Message("no level")
    String app_no_level();

    @Message("since {date}")
    String app_level_since(String date);

    @Message("This app left the catalog on {date}.")
    String app_delisted(String date);

    @Message("Where to get it")
    String app_links();

    @Message("Website")
    String app_website();

    @Message("App Store (iPhone, iPad)")
    String app_store_apple();

    @Message("Google Play (Android)")
    String app_store_google();

    @Message("Current version")
    String app_current_version();

    @Message("version {version}, released on {date}")
    String app_version_line(String version, String date);

    @Message("Level history")
    String app_history();

    @Message("Date")
    String history_when();

    @Message("Change")
    String history_change();

    @Message("Decided by")
    String history_who();

    @Message("Why")
    String history_why();

    @Message("What has been checked")
    String topics_title();

    @Message("not assessed")
    String not_assessed();

    @Message("Assessed: yes")
    String assessed();

    @Message("App not found")
    String not_found_title();

    @Message("There is no public app at this address.")
    String not_found_text();

    @Message("The catalog cannot be reached right now. Please try again in a minute.")
    String unavailable_text();

    @Message("Platforms")
    String app_platforms();

    @Message("For")
    String app_target_users();

    @Message("Category")
    String app_category();

    @Message("My apps")
    String vendor_title();

    @Message("Your organization has no app yet.")
    String vendor_none();

    @Message("Dossiers")
    String vendor_dossiers();

    @Message("no dossier")
    String vendor_no_dossier();

    @Message("State")
    String dossier_state();

    @Message("Waiting for")
    String dossier_waits_for();

    @Message("Last change")
    String dossier_updated();

    @Message("you (complete and submit it)")
    String waits_vendor_submit();

    @Message("you (answer the request for information)")
    String waits_vendor_answer();

    @Message("the authority ({authority})")
    String waits_authority(String authority);

    @Message("nothing: decided")
    String waits_nothing();

    @Message("draft (not in the catalog)")
    String app_draft();

    @Message("Review queue {level}")
    String queue_title(String level);

    @Message("Read only: decisions are taken in your authority's system or through the API.")
    String queue_read_only();

    @Message("No dossier waits for review.")
    String queue_empty();

    @Message("App")
    String queue_app();

    @Message("Submitted")
    String queue_submitted();

    @Message("Waiting since")
    String queue_waiting_since();

    @Message("Due")
    String queue_due();

    @Message("You are signed in, but your account is neither a vendor nor an assessor.")
    String me_nothing();

    @Message("Signed in as {name}")
    String me_signed_in(String name);

    @Message("Data from the Pyramid API, open to everyone.")
    String footer_api();

    @Message("Open data")
    String footer_open_data();

    @Message("Regulation")
    String fact_regulation();

    @Message("Device class")
    String fact_device_class();

    @Message("Notified body")
    String fact_notified_body();

    @Message("Certificate")
    String fact_certificate();

    @Message("Valid until")
    String fact_valid_until();

    @Message("Legal basis")
    String fact_legal_basis();

    @Message("Where data is stored")
    String fact_data_location();

    @Message("Data protection officer")
    String fact_dpo();

    @Message("Privacy policy")
    String fact_privacy_policy();

    @Message("Financing")
    String fact_financing();

    @Message("Nomenclature code")
    String fact_nomenclature();

    @Message("Amount")
    String fact_amount();

    @Message("Period")
    String fact_period();

    @Message("Criteria met")
    String fact_criteria();

    @Message("Granted on")
    String fact_granted();
}

package be.mhealth.pyramid.portal.api;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** What the templates show: plain values, already labelled in the page's language. */
public final class Views {

    private Views() {
    }

    /** What every page has: its language, the same page in the other languages, and whether it is a signed-in page. */
    @TemplateData
    public record Frame(Lang lang, String title, List<LangLink> languages, boolean signedIn) {
    }

    @TemplateData
    public record LangLink(String code, String name, String href, boolean current) {
    }

    /** One choice of a filter: its code, its label, how many apps it has (null when unknown), chosen or not. */
    @TemplateData
    public record Option(String code, String label, Long count, boolean selected) {
    }

    @TemplateData
    public record Filter(String name, String label, List<Option> options) {
    }

    @TemplateData
    public record Item(String id, String name, String summary, String level, String levelLabel, String category,
            String platforms, String targetUsers, String href) {
    }

    @TemplateData
    public record LevelCount(String level, String label, long count, String href) {
    }

    @TemplateData
    public record Catalog(Frame frame, String heading, String q, boolean qTooShort, List<Filter> filters,
            List<Item> items, long total, int page, long pages, String prev, String next, List<LevelCount> levels,
            String action, String reset) {
    }

    /** A fact of a topic: a field name and its value (text, or a link). */
    @TemplateData
    public record Fact(String name, String value, String href) {
    }

    @TemplateData
    public record Topic(String key, String label, boolean assessed, String status, String level, String authority,
            List<Fact> facts, List<Criterion> criteria) {
    }

    @TemplateData
    public record Criterion(String label, String explanation) {
    }

    @TemplateData
    public record HistoryLine(String when, String change, String who, String why) {
    }

    @TemplateData
    public record AppPage(Frame frame, String name, String summary, String description, String level,
            String levelLabel, String levelSince, String delisted, String category, String platforms,
            String targetUsers, String website, String appStore, String googlePlay, String version,
            List<Topic> topics, List<HistoryLine> history) {
    }

    @TemplateData
    public record DossierLine(String level, String state, String waitsFor, String updated) {
    }

    @TemplateData
    public record VendorApp(String name, String level, String levelLabel, boolean draft, String href,
            List<DossierLine> dossiers) {
    }

    @TemplateData
    public record QueueLine(String app, String state, String submitted, String waitingSince, String due,
            boolean overdue) {
    }

    @TemplateData
    public record Queue(String level, String authority, List<QueueLine> lines, long total) {
    }

    @TemplateData
    public record Me(Frame frame, String name, boolean vendor, List<VendorApp> apps, List<Queue> queues) {
    }

    @TemplateData
    public record Problem(Frame frame, String heading, String text) {
    }
}

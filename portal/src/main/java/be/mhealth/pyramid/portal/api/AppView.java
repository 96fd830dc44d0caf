package be.mhealth.pyramid.portal.api;

import java.util.ArrayList;
import java.util.List;

import be.mhealth.pyramid.portal.client.model.App;
import be.mhealth.pyramid.portal.client.model.LevelChange;
import be.mhealth.pyramid.portal.client.model.AppTopics;
import be.mhealth.pyramid.portal.client.model.CeMarkingTopic;
import be.mhealth.pyramid.portal.client.model.CriteriaTopic;
import be.mhealth.pyramid.portal.client.model.DataProtectionTopic;
import be.mhealth.pyramid.portal.client.model.FinancingTopic;
import be.mhealth.pyramid.portal.client.model.Level;
import be.mhealth.pyramid.portal.client.model.MetCriterion;
import be.mhealth.pyramid.portal.client.model.TopicStatus;
import be.mhealth.pyramid.portal.service.Labels;

/** An app's public page from its API record: its texts in the page's language, its topics and level history. */
final class AppView {

    private AppView() {
    }

    static String name(App a, Lang lang) {
        return text(a.getName() == null ? null : switch (lang) {
            case NL -> a.getName().getNl();
            case FR -> a.getName().getFr();
            case EN -> a.getName().getEn();
        }, a.getName() == null ? null : a.getName().getEn());
    }

    private static String text(String wanted, String fallback) {
        return wanted == null || wanted.isBlank() ? fallback : wanted;
    }

    static Views.AppPage of(App a, List<LevelChange> history, Lang lang, Labels l, Msg msg, Views.Frame frame) {
        String summary = a.getSummary() == null ? null : text(switch (lang) {
            case NL -> a.getSummary().getNl();
            case FR -> a.getSummary().getFr();
            case EN -> a.getSummary().getEn();
        }, a.getSummary().getEn());
        String description = a.getDescription() == null ? null : text(switch (lang) {
            case NL -> a.getDescription().getNl();
            case FR -> a.getDescription().getFr();
            case EN -> a.getDescription().getEn();
        }, a.getDescription().getEn());
        String level = a.getLevel() == null ? null : a.getLevel().getValue();
        String version = a.getCurrentVersion() == null ? null : msg.app_version_line(a.getCurrentVersion()
                .getVersion(), PageSupport.date(a.getCurrentVersion().getReleasedOn(), lang));
        List<Views.HistoryLine> lines = new ArrayList<>();
        for (LevelChange c : history == null ? List.<LevelChange>of() : history) {
            String from = c.getFromLevel() == null ? msg.app_no_level() : l.of("level", c.getFromLevel().getValue());
            String to = c.getToLevel() == null ? msg.app_no_level() : l.of("level", c.getToLevel().getValue());
            lines.add(new Views.HistoryLine(PageSupport.date(c.getChangedAt(), lang), from + " → " + to,
                    c.getActor(), c.getReason()));
        }
        return new Views.AppPage(frame, name(a, lang), summary, description, level, a.getLevelLabel(),
                a.getLevelSince() == null ? null : msg.app_level_since(PageSupport.date(a.getLevelSince(), lang)),
                a.getDelistedOn() == null ? null : msg.app_delisted(PageSupport.date(a.getDelistedOn(), lang)),
                a.getCategoryLabel(), String.join(", ", a.getPlatformLabels()),
                String.join(", ", a.getTargetUserLabels()), a.getWebsite(),
                a.getStoreLinks() == null ? null : a.getStoreLinks().getAppStore(),
                a.getStoreLinks() == null ? null : a.getStoreLinks().getGooglePlay(), version,
                topics(a.getTopics(), lang, msg), lines);
    }

    /** The five topics as the API gives them, in the page's language; each "not assessed" below its level. */
    static List<Views.Topic> topics(AppTopics t, Lang lang, Msg msg) {
        List<Views.Topic> topics = new ArrayList<>();
        if (t == null) {
            return topics;
        }
        CeMarkingTopic ce = t.getCeMarking();
        List<Views.Fact> ceFacts = new ArrayList<>();
        fact(ceFacts, msg.fact_regulation(), ce.getRegulationLabel());
        fact(ceFacts, msg.fact_device_class(), ce.getDeviceClass());
        fact(ceFacts, msg.fact_notified_body(), ce.getNotifiedBody());
        fact(ceFacts, msg.fact_certificate(), ce.getCertificateNumber());
        fact(ceFacts, msg.fact_valid_until(), PageSupport.date(ce.getCertificateValidUntil(), lang));
        topics.add(topic("ceMarking", ce.getLabel(), ce.getStatus(), ce.getStatusLabel(), ce.getLevel(),
                ce.getAuthority(), ceFacts, List.of()));

        DataProtectionTopic dp = t.getDataProtection();
        List<Views.Fact> dpFacts = new ArrayList<>();
        fact(dpFacts, msg.fact_legal_basis(), dp.getLegalBasisLabel());
        fact(dpFacts, msg.fact_data_location(), dp.getDataLocation() == null ? null : dp.getDataLocation().getLabel());
        fact(dpFacts, msg.fact_dpo(), dp.getDpoContact());
        fact(dpFacts, msg.fact_privacy_policy(), dp.getPrivacyPolicyUrl());
        topics.add(topic("dataProtection", dp.getLabel(), dp.getStatus(), dp.getStatusLabel(), dp.getLevel(),
                dp.getAuthority(), dpFacts, List.of()));

        topics.add(criteria("communicationSecurity", t.getCommunicationSecurity()));
        topics.add(criteria("interoperability", t.getInteroperability()));

        FinancingTopic f = t.getFinancing();
        List<Views.Fact> fFacts = new ArrayList<>();
        fact(fFacts, msg.fact_financing(), f.getSummary());
        fact(fFacts, msg.fact_nomenclature(), f.getNomenclatureCode());
        topics.add(topic("financing", f.getLabel(), f.getStatus(), f.getStatusLabel(), f.getLevel(), f.getAuthority(),
                fFacts, List.of()));
        return topics;
    }

    private static Views.Topic criteria(String key, CriteriaTopic c) {
        List<Views.Criterion> criteria = new ArrayList<>();
        if (c.getCriteria() != null) {
            for (MetCriterion m : c.getCriteria()) {
                criteria.add(new Views.Criterion(m.getLabel(), m.getExplanation()));
            }
        }
        return topic(key, c.getLabel(), c.getStatus(), c.getStatusLabel(), c.getLevel(), c.getAuthority(), List.of(),
                criteria);
    }

    private static Views.Topic topic(String key, String label, TopicStatus status, String statusLabel, Level level,
            String authority, List<Views.Fact> facts, List<Views.Criterion> criteria) {
        return new Views.Topic(key, label, status == TopicStatus.ASSESSED, statusLabel,
                level == null ? null : level.getValue(), authority, facts, criteria);
    }

    private static void fact(List<Views.Fact> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Views.Fact(name, value, value.startsWith("https://") ? value : null));
        }
    }
}

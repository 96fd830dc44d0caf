package be.mhealth.pyramid.registry.api.fhir;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.text.StringEscapeUtils;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.ChargeItemDefinition.ChargeItemDefinitionPriceComponentType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DeviceDefinition;
import org.hl7.fhir.r4.model.DeviceDefinition.DeviceNameType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Narrative.NarrativeStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.domain.OpenDataTexts;
import be.mhealth.pyramid.registry.repository.OpenDataRepository.FhirAppRow;

/**
 * A listed app as an R4 DeviceDefinition and its M3 reimbursement as a ChargeItemDefinition, modelled after the
 * German DiGA directory's profiles (HealthApp / HealthAppModule, HealthAppPrescriptionUnit) as far as R4 allows. The
 * element mapping is the table in the registry's README.
 */
public final class FhirMapper {

    private FhirMapper() {
    }

    /** The app's texts per language; German falls back to English (as in the catalog). */
    record Texts(Map<Language, String> names, Map<Language, String> summaries) {
        static Texts of(FhirAppRow app) {
            Map<Language, String> names = new EnumMap<>(Language.class);
            names.put(Language.NL, app.nameNl());
            names.put(Language.FR, app.nameFr());
            names.put(Language.EN, app.nameEn());
            if (app.nameDe() != null) {
                names.put(Language.DE, app.nameDe());
            }
            Map<Language, String> summaries = new EnumMap<>(Language.class);
            summaries.put(Language.NL, app.summaryNl());
            summaries.put(Language.FR, app.summaryFr());
            summaries.put(Language.EN, app.summaryEn());
            if (app.summaryDe() != null) {
                summaries.put(Language.DE, app.summaryDe());
            }
            return new Texts(names, summaries);
        }

        /** The language the primary texts are in: the one asked, or English when German was asked but not given. */
        Language primary(Language asked) {
            return names.containsKey(asked) ? asked : Language.EN;
        }
    }

    public static DeviceDefinition deviceDefinition(FhirAppRow app, List<LevelGrant> grants, Language asked,
            LocalDate today) {
        Texts texts = Texts.of(app);
        Language primary = texts.primary(asked);
        OpenDataTexts labels = OpenDataTexts.of(asked);
        DeviceDefinition device = new DeviceDefinition();
        device.setId(app.id().toString());
        device.getMeta().setLastUpdated(date(app.lastUpdated()));
        device.setLanguage(primary.code());
        device.addIdentifier().setSystem(FhirUrls.URI_SYSTEM).setValue("urn:uuid:" + app.id());

        DeviceDefinition.DeviceDefinitionDeviceNameComponent name = device.addDeviceName()
                .setName(texts.names().get(primary)).setType(DeviceNameType.MODELNAME);
        translations(name.getNameElement(), texts.names(), primary, false);

        device.addExtension(FhirUrls.EXT_CATEGORY, new Coding(FhirUrls.CS_CATEGORY, app.category().name(),
                labels.category(app.category())));
        device.addProperty().setType(property("level")).addValueCode(new CodeableConcept(
                new Coding(FhirUrls.CS_LEVEL, app.level().name(), labels.level(app.level()))));
        if (!app.platforms().isEmpty()) {
            DeviceDefinition.DeviceDefinitionPropertyComponent platforms = device.addProperty()
                    .setType(property("platform"));
            app.platforms().forEach(p -> platforms.addValueCode(new CodeableConcept(
                    new Coding(FhirUrls.CS_PLATFORM, p, labels.platform(p)))));
        }
        if (!app.targetUsers().isEmpty()) {
            DeviceDefinition.DeviceDefinitionPropertyComponent users = device.addProperty()
                    .setType(property("target-user"));
            app.targetUsers().forEach(u -> users.addValueCode(new CodeableConcept(
                    new Coding(FhirUrls.CS_TARGET_USER, u, labels.targetUser(u)))));
        }
        if (app.website() != null) {
            device.setOnlineInformation(app.website());
        }
        contact(device, ContactPoint.ContactPointSystem.EMAIL, app.supportEmail());
        contact(device, ContactPoint.ContactPointSystem.PHONE, app.supportPhone());
        contact(device, ContactPoint.ContactPointSystem.URL, app.supportUrl());

        MarkdownType summary = new MarkdownType(texts.summaries().get(primary));
        translations(summary, texts.summaries(), primary, true);
        device.addNote().setTextElement(summary);

        for (LevelGrant grant : grants) {
            if (!grant.active || !Level.reaches(app.level(), grant.level)) {
                continue;
            }
            switch (grant.level) {
                case M1 -> device.addExtension(ceMarking(grant, today));
                case M2 -> device.addExtension(interoperability(grant, labels));
                case M3 -> device.addExtension(FhirUrls.EXT_REIMBURSEMENT,
                        new Reference("ChargeItemDefinition/" + app.id()));
            }
        }
        device.getText().setStatus(NarrativeStatus.GENERATED).setDivAsString(narrative(
                texts.names().get(primary), labels.level(app.level()) + " · " + labels.category(app.category()),
                texts.summaries().get(primary)));
        return device;
    }

    /** The M3 reimbursement of a listed M3 app, as DiGA's HealthAppPrescriptionUnit models a price. */
    public static ChargeItemDefinition chargeItemDefinition(FhirAppRow app, LevelGrant m3, Language asked,
            URI fhirBase) {
        Texts texts = Texts.of(app);
        Language primary = texts.primary(asked);
        OpenDataTexts labels = OpenDataTexts.of(asked);
        ChargeItemDefinition charge = new ChargeItemDefinition();
        charge.setId(app.id().toString());
        charge.getMeta().setLastUpdated(date(m3.updatedAt == null ? app.lastUpdated() : m3.updatedAt));
        charge.setLanguage(primary.code());
        charge.setUrl(fhirBase.resolve("ChargeItemDefinition/" + app.id()).toString());
        charge.addIdentifier().setSystem(FhirUrls.URI_SYSTEM).setValue("urn:uuid:" + app.id());
        StringType title = new StringType(OpenDataTexts.of(primary).text("reimbursement.title",
                texts.names().get(primary)));
        Map<Language, String> titles = new EnumMap<>(Language.class);
        texts.names().forEach((language, n) -> titles.put(language,
                OpenDataTexts.of(language).text("reimbursement.title", n)));
        translations(title, titles, primary, false);
        charge.setTitleElement(title);
        charge.setStatus(PublicationStatus.ACTIVE);
        if (m3.grantedAt != null) {
            charge.setDateElement(new DateTimeType(date(m3.grantedAt)));
        }
        charge.setPublisher(labels.text("authority.M3"));
        charge.addJurisdiction(new CodeableConcept(new Coding(FhirUrls.ISO_COUNTRY, "BE", "Belgium")));
        if (m3.nomenclatureCode != null) {
            charge.setCode(new CodeableConcept(new Coding(FhirUrls.CS_NIHDI_NOMENCLATURE, m3.nomenclatureCode, null)));
        }
        if (m3.startDate != null || m3.endDate != null) {
            Period period = new Period();
            if (m3.startDate != null) {
                period.setStartElement(new DateTimeType(m3.startDate.toString()));
            }
            if (m3.endDate != null) {
                period.setEndElement(new DateTimeType(m3.endDate.toString()));
            }
            charge.setEffectivePeriod(period);
        }
        if (m3.reimbursementKind != null) {
            charge.addExtension(FhirUrls.EXT_REIMBURSEMENT_KIND, new Coding(FhirUrls.CS_REIMBURSEMENT_KIND,
                    m3.reimbursementKind.name(), labels.kind(m3.reimbursementKind)));
        }
        // R4's instance cannot reference a DeviceDefinition: as in DiGA's profile, an extension on it does.
        Reference instance = charge.addInstance();
        instance.addExtension(FhirUrls.EXT_DEVICE_DEFINITION_LINK, new Reference("DeviceDefinition/" + app.id()));
        if (m3.amount != null) {
            ChargeItemDefinition.ChargeItemDefinitionPropertyGroupPriceComponentComponent price = charge
                    .addPropertyGroup().addPriceComponent().setType(ChargeItemDefinitionPriceComponentType.BASE)
                    .setAmount(new Money().setValue(m3.amount).setCurrency("EUR"));
            if (m3.unit != null) {
                price.setCode(new CodeableConcept().setText(m3.unit));
            }
        }
        charge.getText().setStatus(NarrativeStatus.GENERATED).setDivAsString(narrative(title.getValue(),
                (m3.nomenclatureCode == null ? "" : m3.nomenclatureCode + " · ")
                        + (m3.amount == null ? "" : "EUR " + m3.amount.toPlainString() + " ")
                        + (m3.unit == null ? "" : m3.unit),
                labels.kind(m3.reimbursementKind)));
        return charge;
    }

    private static Extension ceMarking(LevelGrant m1, LocalDate today) {
        Extension ce = new Extension(FhirUrls.EXT_CE_MARKING);
        if (m1.regulation != null) {
            ce.addExtension("regulation", new Coding(FhirUrls.CS_REGULATION, m1.regulation, switch (m1.regulation) {
                case "MDR" -> "Regulation (EU) 2017/745 (MDR)";
                case "MDD" -> "Directive 93/42/EEC (MDD)";
                default -> m1.regulation;
            }));
        }
        if (m1.deviceClass != null) {
            ce.addExtension("deviceClass", new Coding(FhirUrls.CS_DEVICE_CLASS, m1.deviceClass, "Class " + m1.deviceClass));
        }
        if (m1.certificateNumber != null) {
            ce.addExtension("certificateNumber", new StringType(m1.certificateNumber));
        }
        if (m1.certificateExpiresOn != null) {
            ce.addExtension("certificateValidUntil", new DateType(m1.certificateExpiresOn.toString()));
            ce.addExtension("certificateValid",
                    new org.hl7.fhir.r4.model.BooleanType(!m1.certificateExpiresOn.isBefore(today)));
        }
        if (m1.grantedAt != null) {
            ce.addExtension("grantedAt", new DateTimeType(date(m1.grantedAt)));
        }
        return ce;
    }

    private static Extension interoperability(LevelGrant m2, OpenDataTexts labels) {
        Extension interoperability = new Extension(FhirUrls.EXT_INTEROPERABILITY);
        for (String criterion : m2.criteria()) {
            interoperability.addExtension("criterion", new Coding(FhirUrls.CS_M2_CRITERION, criterion,
                    labels.criterion(criterion)));
        }
        if (m2.grantedAt != null) {
            interoperability.addExtension("grantedAt", new DateTimeType(date(m2.grantedAt)));
        }
        return interoperability;
    }

    /** HL7's translation extension on {@code element}, one per language other than {@code primary}. */
    private static void translations(Element element, Map<Language, String> byLanguage, Language primary,
            boolean markdown) {
        byLanguage.forEach((language, text) -> {
            if (language == primary || text == null) {
                return;
            }
            Extension translation = new Extension(FhirUrls.EXT_TRANSLATION);
            translation.addExtension("lang", new CodeType(language.code()));
            Type content = markdown ? new MarkdownType(text) : new StringType(text);
            translation.addExtension("content", content);
            element.addExtension(translation);
        });
    }

    private static CodeableConcept property(String code) {
        return new CodeableConcept(new Coding(FhirUrls.CS_PROPERTY, code, null));
    }

    private static void contact(DeviceDefinition device, ContactPoint.ContactPointSystem system, String value) {
        if (value != null && !value.isBlank()) {
            device.addContact(new ContactPoint().setSystem(system).setValue(value));
        }
    }

    private static String narrative(String title, String line, String text) {
        return "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>" + StringEscapeUtils.escapeXml10(title) + "</b></p>"
                + (line == null || line.isBlank() ? "" : "<p>" + StringEscapeUtils.escapeXml10(line) + "</p>")
                + (text == null || text.isBlank() ? "" : "<p>" + StringEscapeUtils.escapeXml10(text) + "</p>")
                + "</div>";
    }

    static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }
}

package be.mhealth.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import be.mhealth.pyramid.client.ApiClient;
import be.mhealth.pyramid.client.ApiException;
import be.mhealth.pyramid.client.ApiResponse;
import be.mhealth.pyramid.client.api.AppsApi;
import be.mhealth.pyramid.client.api.CatalogApi;
import be.mhealth.pyramid.client.api.M1DossiersApi;
import be.mhealth.pyramid.client.api.M2CriteriaApi;
import be.mhealth.pyramid.client.api.M2DossiersApi;
import be.mhealth.pyramid.client.api.M2ReviewApi;
import be.mhealth.pyramid.client.api.M3DossiersApi;
import be.mhealth.pyramid.client.model.App;
import be.mhealth.pyramid.client.model.AppName;
import be.mhealth.pyramid.client.model.AppRequest;
import be.mhealth.pyramid.client.model.AppSummary;
import be.mhealth.pyramid.client.model.CatalogPage;
import be.mhealth.pyramid.client.model.Category;
import be.mhealth.pyramid.client.model.DataArea;
import be.mhealth.pyramid.client.model.DeviceClass;
import be.mhealth.pyramid.client.model.LegalBasis;
import be.mhealth.pyramid.client.model.M1Approval;
import be.mhealth.pyramid.client.model.M1Certificate;
import be.mhealth.pyramid.client.model.M1DataLocation;
import be.mhealth.pyramid.client.model.M1DecisionRequest;
import be.mhealth.pyramid.client.model.M1Dossier;
import be.mhealth.pyramid.client.model.M1DossierRequest;
import be.mhealth.pyramid.client.model.M1DossierState;
import be.mhealth.pyramid.client.model.M1GdprDeclaration;
import be.mhealth.pyramid.client.model.M2Approval;
import be.mhealth.pyramid.client.model.M2DecisionRequest;
import be.mhealth.pyramid.client.model.M2Dossier;
import be.mhealth.pyramid.client.model.M2DossierRequest;
import be.mhealth.pyramid.client.model.M2DossierState;
import be.mhealth.pyramid.client.model.M2RequiredCriterion;
import be.mhealth.pyramid.client.model.M2RiskAssessment;
import be.mhealth.pyramid.client.model.M2TestOutcome;
import be.mhealth.pyramid.client.model.M2TestResultRequest;
import be.mhealth.pyramid.client.model.M3Admission;
import be.mhealth.pyramid.client.model.M3DecisionRequest;
import be.mhealth.pyramid.client.model.M3DefinitiveApproval;
import be.mhealth.pyramid.client.model.M3Dossier;
import be.mhealth.pyramid.client.model.M3DossierRequest;
import be.mhealth.pyramid.client.model.M3DossierState;
import be.mhealth.pyramid.client.model.M3FinancingUnit;
import be.mhealth.pyramid.client.model.M3RequestedFinancing;
import be.mhealth.pyramid.client.model.M3SocioEconomicEvidence;
import be.mhealth.pyramid.client.model.M3Study;
import be.mhealth.pyramid.client.model.M3StudyDesign;
import be.mhealth.pyramid.client.model.Regulation;
import be.mhealth.pyramid.client.model.Language;
import be.mhealth.pyramid.client.model.M2CriteriaRule;
import be.mhealth.pyramid.client.model.M2CriteriaRules;
import be.mhealth.pyramid.client.model.M2Criterion;
import be.mhealth.pyramid.client.model.M2ReviewQueuePage;
import be.mhealth.pyramid.client.model.SupportContact;
import be.mhealth.pyramid.client.model.TargetUser;

/**
 * A whole climb, M1 → M2 → M3, with the Java client generated at build time from the platform's merged OpenAPI
 * document (e2e-tests/pom.xml, openapi-generator): what a portal or an authority system developer gets, with real
 * tokens through the gateway. If the document and the behaviour part, this fails to compile or to run.
 */
@Order(2)
@ExtendWith(SharedPlatform.class)
class GeneratedClientIT {

    /** The generated enum (the suite has a Platform class of its own: the running platform). */
    private interface AppPlatform {
        be.mhealth.pyramid.client.model.Platform IOS = be.mhealth.pyramid.client.model.Platform.IOS;
        be.mhealth.pyramid.client.model.Platform ANDROID = be.mhealth.pyramid.client.model.Platform.ANDROID;
    }

    static Platform platform;
    static PyramidClient tokens;

    @BeforeAll
    static void connect() {
        platform = SharedPlatform.platform();
        tokens = new PyramidClient(platform.gatewayUrl(), platform.realmUrl());
    }

    private static ApiClient as(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        if (user != null) {
            String token = tokens.userToken(user);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void aVendorRegistersAnAppAndReadsItAndTheCatalogRevalidates() throws ApiException {
        String name = "Generated" + UUID.randomUUID().toString().substring(0, 8);
        AppRequest request = new AppRequest()
                .name(new AppName().nl(name + " NL").fr(name + " FR").en(name))
                .summary(new AppSummary().nl("Samenvatting").fr("Résumé").en("Summary"))
                .category(Category.DIABETES)
                .targetUsers(Set.of(TargetUser.PATIENT))
                .platforms(Set.of(AppPlatform.IOS, AppPlatform.ANDROID))
                .website("https://generated.example.com")
                .supportContact(new SupportContact().email("support@generated.example.com"))
                .supportedLanguages(Set.of("nl", "fr"));

        AppsApi alice = new AppsApi(as("alice"));
        ApiResponse<App> created = alice.createAppWithHttpInfo(AppsApi.APICreateAppRequest.newBuilder()
                .appRequest(request).idempotencyKey(UUID.randomUUID().toString()).build());
        assertThat(created.getStatusCode()).isEqualTo(201);
        App app = created.getData();
        assertThat(app.getName().getEn()).isEqualTo(name);
        assertThat(app.getOrganizationId()).isEqualTo("medisoft");
        assertThat(app.getPlatforms()).containsExactlyInAnyOrder(AppPlatform.IOS, AppPlatform.ANDROID);
        assertThat(app.getLevel()).as("a draft").isNull();

        // Location points at the gateway (its host and port), not at the registry behind it.
        URI gateway = URI.create(platform.gatewayUrl());
        URI location = URI.create(header(created, "Location"));
        assertThat(location.getHost()).isEqualTo(gateway.getHost());
        assertThat(location.getPort()).isEqualTo(gateway.getPort());
        assertThat(location.getPath()).isEqualTo("/api/v1/apps/" + app.getId());
        assertThat(header(created, "ETag")).isEqualTo("\"" + app.getVersion() + "\"");

        // The owner reads its draft; nobody else sees it.
        assertThat(alice.getApp(AppsApi.APIGetAppRequest.newBuilder().id(app.getId()).build()).getId())
                .isEqualTo(app.getId());
        assertThat(alice.listOwnApps(AppsApi.APIListOwnAppsRequest.newBuilder().size(100).build()).getItems())
                .extracting(App::getId).contains(app.getId());
        assertThatThrownBy(() -> new AppsApi(as(null)).getApp(AppsApi.APIGetAppRequest.newBuilder().id(app.getId())
                .build())).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        // The public catalog, anonymously; its ETag answers 304 until the catalog changes.
        CatalogApi catalog = new CatalogApi(as(null));
        ApiResponse<CatalogPage> page = catalog.listCatalogAppsWithHttpInfo(CatalogApi.APIListCatalogAppsRequest
                .newBuilder().lang(Language.FR).size(5).build());
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getData().getLanguage()).isEqualTo(Language.FR);
        assertThat(page.getData().getFacets().getLevel()).isNotNull();
        String etag = header(page, "ETag");
        assertThatThrownBy(() -> catalog.listCatalogApps(CatalogApi.APIListCatalogAppsRequest.newBuilder()
                .lang(Language.FR).size(5).ifNoneMatch(etag).build()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(304));
    }

    @Test
    void theM2RuleTableIsPublicThroughTheGatewayAndM2sQueueReadsWithTheGeneratedModels() throws ApiException {
        tokens.anonymous().get("/api/v1/m2/criteria-rules").then().statusCode(200);
        M2CriteriaRules rules = new M2CriteriaApi(as(null)).listM2CriteriaRules();
        assertThat(rules.getRules()).extracting(M2CriteriaRule::getCriterion).contains(M2Criterion.SECURITY);
        M2ReviewQueuePage queue = new M2ReviewApi(as("eric")).listM2ReviewQueue(
                M2ReviewApi.APIListM2ReviewQueueRequest.newBuilder().size(100).build());
        assertThat(queue.getSize()).isEqualTo(100);
        assertThat(queue.getItems()).allSatisfy(entry -> assertThat(entry.getWaitingSince()).isNotNull());
    }

    @Test
    void theWholeClimbM1ToM3RunsOnTheGeneratedClient() throws Exception {
        String name = "GenClimb" + UUID.randomUUID().toString().substring(0, 8);
        App app = new AppsApi(as("alice")).createApp(AppsApi.APICreateAppRequest.newBuilder().appRequest(new AppRequest()
                .name(new AppName().nl(name).fr(name).en(name))
                .summary(new AppSummary().nl("Samenvatting").fr("Résumé").en("Summary"))
                .category(Category.CARDIOLOGY).targetUsers(Set.of(TargetUser.PATIENT))
                .platforms(Set.of(AppPlatform.IOS)).website("https://genclimb.example.com")
                .supportContact(new SupportContact().email("support@genclimb.example.com"))
                .supportedLanguages(Set.of("nl", "fr"))).build());
        UUID appId = app.getId();

        // M1: the vendor's dossier, its CE certificate (raw PDF upload), submission; FAMHP approves.
        M1DossiersApi m1 = new M1DossiersApi(as("alice"));
        M1Dossier dossier = m1.createM1Dossier(M1DossiersApi.APICreateM1DossierRequest.newBuilder()
                .m1DossierRequest(new M1DossierRequest().appId(appId).famhpNotification("FAMHP-GEN-1")
                        .certificate(new M1Certificate().regulation(Regulation.MDR).deviceClass(DeviceClass.IIA)
                                .notifiedBody("2797").number("CE-GEN-" + name).issuedOn(LocalDate.now().minusYears(1))
                                .expiresOn(LocalDate.now().plusYears(3)).udiDi("05412345000099")
                                .intendedPurpose(Map.of("en", "Follow-up of heart patients.")))
                        .gdpr(new M1GdprDeclaration().dpoContact("dpo@medisoft.be").legalBasis(LegalBasis.CONSENT)
                                .dataLocation(new M1DataLocation().area(DataArea.EU_EEA))
                                .privacyPolicyUrl("https://medisoft.be/privacy"))).build());
        assertThat(dossier.getState()).isEqualTo(M1DossierState.DRAFT);
        // The attachment is a binary body (multipart or raw PDF), which the generated native client does not stream;
        // it goes up as any HTTP client sends it.
        tokens.as("alice").contentType("multipart/form-data").multiPart("kind", "CE_CERTIFICATE")
                .multiPart("file", "ce-certificate.pdf", ClimbSteps.PDF, "application/pdf")
                .post("/api/v1/m1/dossiers/" + dossier.getId() + "/attachments").then().statusCode(201);
        m1.submitM1Dossier(M1DossiersApi.APISubmitM1DossierRequest.newBuilder().id(dossier.getId()).build());
        M1Dossier approved = new M1DossiersApi(as("fiona")).decideM1Dossier(M1DossiersApi.APIDecideM1DossierRequest
                .newBuilder().id(dossier.getId()).m1DecisionRequest(new M1DecisionRequest(new M1Approval()
                        .outcome(M1Approval.OutcomeEnum.APPROVED))).build());
        assertThat(approved.getState()).isEqualTo(M1DossierState.APPROVED);
        awaitLevel(appId, "M1");

        // M2: the risk assessment gives the criteria; the test centre passes each; eHealth approves.
        M2DossiersApi m2 = new M2DossiersApi(as("alice"));
        // m2 waits for its copy of the app to reach M1 (AppCopyArrival): no retry here.
        M2Dossier m2Dossier = m2.createM2Dossier(M2DossiersApi.APICreateM2DossierRequest.newBuilder()
                .m2DossierRequest(new M2DossierRequest().appId(appId).riskAssessment(new M2RiskAssessment()
                        .processesHealthData(true).identifiesPatient(true).exchangesWithCareProviders(false)
                        .sendsDataToThirdParties(false).authenticatesCareProviders(false))).build());
        m2.submitM2Dossier(M2DossiersApi.APISubmitM2DossierRequest.newBuilder().id(m2Dossier.getId()).build());
        M2DossiersApi tess = new M2DossiersApi(as("tess"));
        for (M2RequiredCriterion required : m2Dossier.getRequiredCriteria()) {
            tess.recordM2TestResult(M2DossiersApi.APIRecordM2TestResultRequest.newBuilder().id(m2Dossier.getId())
                    .m2TestResultRequest(new M2TestResultRequest().criterion(required.getCriterion())
                            .result(M2TestOutcome.PASS).testCentre("Belgian mHealth Test Centre")
                            .testedOn(LocalDate.now()).reportReference("BTC-GEN-" + required.getCriterion()))
                    .build());
        }
        M2Dossier m2Approved = new M2DossiersApi(as("eric")).decideM2Dossier(M2DossiersApi.APIDecideM2DossierRequest
                .newBuilder().id(m2Dossier.getId()).m2DecisionRequest(new M2DecisionRequest(new M2Approval()
                        .outcome(M2Approval.OutcomeEnum.APPROVED))).build());
        assertThat(m2Approved.getState()).isEqualTo(M2DossierState.APPROVED);
        awaitLevel(appId, "M2");

        // M3: the request with its evidence; NIHDI declares it admissible and approves it definitively.
        M3DossiersApi m3 = new M3DossiersApi(as("alice"));
        M3Dossier m3Dossier = m3.createM3Dossier(M3DossiersApi.APICreateM3DossierRequest.newBuilder()
                .m3DossierRequest(new M3DossierRequest().appId(appId)
                        .carePathway(Map.of("nl", "Opvolging thuis.", "fr", "Suivi à domicile.", "en", "Home follow-up."))
                        .addClinicalEvidenceItem(new M3Study().design(M3StudyDesign.RCT).patients(300)
                                .primaryOutcome("readmissions within 90 days").result("20% fewer readmissions")
                                .reference("10.1000/pyramid.gen"))
                        .socioEconomicEvidence(new M3SocioEconomicEvidence()
                                .budgetImpactPerYear(new BigDecimal("900000")))
                        .requestedFinancing(new M3RequestedFinancing().amount(new BigDecimal("30.00"))
                                .unit(M3FinancingUnit.PER_PATIENT_PER_MONTH).months(24))).build());
        m3.submitM3Dossier(M3DossiersApi.APISubmitM3DossierRequest.newBuilder().id(m3Dossier.getId()).build());
        M3DossiersApi nihdi = new M3DossiersApi(as("nina"));
        nihdi.decideM3Dossier(M3DossiersApi.APIDecideM3DossierRequest.newBuilder().id(m3Dossier.getId())
                .m3DecisionRequest(new M3DecisionRequest(new M3Admission().outcome(M3Admission.OutcomeEnum.ADMISSIBLE)))
                .build());
        M3Dossier granted = nihdi.decideM3Dossier(M3DossiersApi.APIDecideM3DossierRequest.newBuilder()
                .id(m3Dossier.getId()).m3DecisionRequest(new M3DecisionRequest(new M3DefinitiveApproval()
                        .outcome(M3DefinitiveApproval.OutcomeEnum.APPROVED_DEFINITIVE).nomenclatureCode("790555")
                        .amount(new BigDecimal("30.00")).unit(M3FinancingUnit.PER_PATIENT_PER_MONTH)
                        .startDate(LocalDate.now().withDayOfMonth(1).plusMonths(1)))).build());
        assertThat(granted.getState()).isEqualTo(M3DossierState.APPROVED_DEFINITIVE);
        awaitLevel(appId, "M3");
        assertThat(new AppsApi(as(null)).getApp(AppsApi.APIGetAppRequest.newBuilder().id(appId).build()).getLevel())
                .hasToString("M3");
    }

    private static void awaitLevel(UUID appId, String level) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(String.valueOf(new AppsApi(as(null)).getApp(AppsApi.APIGetAppRequest.newBuilder()
                        .id(appId).build()).getLevel())).isEqualTo(level));
    }
}

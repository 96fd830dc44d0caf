package be.mhealth.pyramid.m2.api;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m2.domain.Criterion;
import be.mhealth.pyramid.m2.domain.DossierState;
import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.TestResult;
import be.mhealth.pyramid.m2.repository.DossierRepository;
import be.mhealth.pyramid.m2.repository.TestResultRepository;
import be.mhealth.pyramid.support.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** The eHealth assessors' and test centres' work list, with each dossier's progress on its criteria. */
@Path("/api/v1/m2/review-queue")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ReviewQueueResource {

    @Schema(name = "M2QueueEntry", description = "A dossier waiting for test results or a decision")
    public record QueueEntry(UUID dossierId, UUID appId, String organizationId, DossierState state,
            OffsetDateTime submittedAt,
            @Schema(description = "Seconds since the submission") long waitingSeconds,
            List<Criterion> requiredCriteria,
            @Schema(description = "Required criteria whose current result is PASS") List<Criterion> passedCriteria) {
    }

    @Schema(name = "M2Queue")
    public record QueuePage(List<QueueEntry> items, int page, int size, long total) {
    }

    private final DossierRepository dossiers;
    private final TestResultRepository results;
    private final Clock clock;

    ReviewQueueResource(DossierRepository dossiers, TestResultRepository results, Clock clock) {
        this.dossiers = dossiers;
        this.results = results;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Tag(name = "M2 review")
    @Operation(operationId = "m2ReviewQueue", summary = "SUBMITTED and IN_REVIEW dossiers, oldest submission first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = QueuePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public QueuePage queue(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PanacheQuery<M2Dossier> query = dossiers.queue().page(page, size);
        List<M2Dossier> waiting = query.list();
        Map<UUID, List<Criterion>> passed = results.currentPasses(waiting.stream().map(d -> d.id).toList()).stream()
                .collect(Collectors.groupingBy(r -> r.dossierId,
                        Collectors.mapping((TestResult r) -> r.criterion, Collectors.toList())));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<QueueEntry> items = waiting.stream().map(d -> new QueueEntry(d.id, d.appId, d.organizationId, d.state,
                d.submittedAt, Math.max(0, Duration.between(d.submittedAt, now).toSeconds()), d.criteria(),
                passed.getOrDefault(d.id, List.of()).stream().filter(d::requires)
                        .sorted(Comparator.naturalOrder()).toList()))
                .toList();
        return new QueuePage(items, page, size, query.count());
    }
}

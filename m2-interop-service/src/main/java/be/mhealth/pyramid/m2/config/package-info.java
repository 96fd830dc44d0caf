/** Configuration of the M2 service; the OpenAPI header and the problem+json responses its routes refer to by name. */
@OpenAPIDefinition(
        info = @Info(title = "Pyramid M2 interoperability service", version = "v1",
                description = "M2 dossiers: risk assessment, required criteria, test-centre results, eHealth review."),
        tags = {
                @Tag(name = "M2 dossiers", description = "Vendors' M2 dossiers and their life cycle"),
                @Tag(name = "M2 review", description = "Test-centre results and the eHealth platform's decisions"),
                @Tag(name = "M2 criteria", description = "The rule table deriving required criteria")
        },
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", responseCode = "400",
                        description = "Malformed or invalid input; `errors` names the fields",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Unauthorized", responseCode = "401", description = "No or invalid bearer token",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Forbidden", responseCode = "403", description = "The caller's role does not allow this",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotFound", responseCode = "404",
                        description = "No such dossier or app, or not visible to the caller",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Conflict", responseCode = "409",
                        description = "Not allowed in the current state (see `currentState`), the app's level is too low,"
                                + " or required criteria lack a PASS",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "PreconditionFailed", responseCode = "412",
                        description = "If-Match names a stale version",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "RuleViolation", responseCode = "422",
                        description = "Well-formed input that breaks a rule; `errors` names the fields",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "PreconditionRequired", responseCode = "428", description = "If-Match is missing",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
package be.mhealth.pyramid.m2.config;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.support.problem.Problem;


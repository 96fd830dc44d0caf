package be.mhealth.pyramid.m3.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WithdrawReimbursementDossier")
public record WithdrawRequest(@Schema(description = "why the vendor withdraws") @Size(max = 2000) String reason) {
}

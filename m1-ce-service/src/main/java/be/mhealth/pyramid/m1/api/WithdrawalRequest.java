package be.mhealth.pyramid.m1.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why the vendor withdraws (optional)")
public record WithdrawalRequest(@Size(max = 2000) String reason) {
}

package be.mhealth.pyramid.m1.domain;

import static be.mhealth.pyramid.m1.domain.DossierStatus.APPROVED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.DRAFT;
import static be.mhealth.pyramid.m1.domain.DossierStatus.EXPIRED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.INFO_REQUESTED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.IN_REVIEW;
import static be.mhealth.pyramid.m1.domain.DossierStatus.REJECTED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.REVOKED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.SUBMITTED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import be.mhealth.pyramid.support.problem.StateConflictException;

/**
 * The one place that decides the M1 life cycle:
 *
 * <pre>
 * DRAFT --SUBMIT--> SUBMITTED --START_REVIEW--> IN_REVIEW --REQUEST_INFO--> INFO_REQUESTED --SUBMIT--> IN_REVIEW
 * IN_REVIEW --APPROVE--> APPROVED --REVOKE--> REVOKED
 *                                 --EXPIRE--> EXPIRED
 * IN_REVIEW --REJECT--> REJECTED
 * DRAFT | SUBMITTED | IN_REVIEW | INFO_REQUESTED --WITHDRAW--> WITHDRAWN
 * </pre>
 *
 * A decision on a SUBMITTED dossier first takes it into review (START_REVIEW), so both steps are in the history.
 */
public final class DossierLifecycle {

    private static final Map<DossierStatus, Map<DossierAction, DossierStatus>> NEXT = new EnumMap<>(
            DossierStatus.class);

    static {
        allow(DRAFT, DossierAction.SUBMIT, SUBMITTED);
        allow(DRAFT, DossierAction.WITHDRAW, WITHDRAWN);
        allow(SUBMITTED, DossierAction.START_REVIEW, IN_REVIEW);
        allow(SUBMITTED, DossierAction.WITHDRAW, WITHDRAWN);
        allow(IN_REVIEW, DossierAction.REQUEST_INFO, INFO_REQUESTED);
        allow(IN_REVIEW, DossierAction.APPROVE, APPROVED);
        allow(IN_REVIEW, DossierAction.REJECT, REJECTED);
        allow(IN_REVIEW, DossierAction.WITHDRAW, WITHDRAWN);
        allow(INFO_REQUESTED, DossierAction.SUBMIT, IN_REVIEW);
        allow(INFO_REQUESTED, DossierAction.WITHDRAW, WITHDRAWN);
        allow(APPROVED, DossierAction.REVOKE, REVOKED);
        allow(APPROVED, DossierAction.EXPIRE, EXPIRED);
    }

    private DossierLifecycle() {
    }

    private static void allow(DossierStatus from, DossierAction action, DossierStatus to) {
        NEXT.computeIfAbsent(from, s -> new EnumMap<>(DossierAction.class)).put(action, to);
    }

    /** The state {@code action} leads to from {@code from}, if the life cycle allows it. */
    public static Optional<DossierStatus> next(DossierStatus from, DossierAction action) {
        return Optional.ofNullable(NEXT.getOrDefault(from, Map.of()).get(action));
    }

    /** The state {@code action} leads to; 409 naming the current state when it is not allowed. */
    public static DossierStatus require(DossierStatus from, DossierAction action) {
        return next(from, action).orElseThrow(() -> StateConflictException.illegalTransition(verb(action), from));
    }

    private static String verb(DossierAction action) {
        return switch (action) {
            case CREATE -> "create";
            case SUBMIT -> "submit";
            case START_REVIEW -> "start the review of";
            case REQUEST_INFO -> "request information on";
            case APPROVE -> "approve";
            case REJECT -> "reject";
            case WITHDRAW -> "withdraw";
            case REVOKE -> "revoke";
            case EXPIRE -> "expire";
        };
    }
}

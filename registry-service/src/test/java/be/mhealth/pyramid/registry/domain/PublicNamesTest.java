package be.mhealth.pyramid.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Topic;

/** Every decision event names its authority for the public; the events that end M1 name why an app was delisted. */
class PublicNamesTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyDecisionEventHasItsAuthority(EventType type) {
        assertThat(Authority.ofEvent(type.ceType()).map(Authority::publicName)).isEqualTo(switch (type.topic()) {
            case M1_DECISIONS -> java.util.Optional.of("FAMHP");
            case M2_DECISIONS -> java.util.Optional.of("eHealth platform");
            case M3_DECISIONS -> java.util.Optional.of("NIHDI/RIZIV");
            case REGISTRY_APPS -> java.util.Optional.empty();
        });
        assertThat(type.topic() == Topic.REGISTRY_APPS).isEqualTo(Authority.ofEvent(type.ceType()).isEmpty());
    }

    @Test
    void onlyTheEndOfM1OrAWithdrawalNamesADelistingReason() {
        assertThat(DelistingReason.of(EventType.M1_EXPIRED.ceType())).isEqualTo(DelistingReason.CERTIFICATE_EXPIRED);
        assertThat(DelistingReason.of(EventType.M1_REVOKED.ceType())).isEqualTo(DelistingReason.M1_REVOKED);
        assertThat(DelistingReason.of(EventType.APP_WITHDRAWN_FROM_MARKET.ceType()))
                .isEqualTo(DelistingReason.WITHDRAWN_BY_VENDOR);
        assertThat(DelistingReason.of(EventType.M2_REVOKED.ceType())).isEqualTo(DelistingReason.OTHER);
        assertThat(DelistingReason.of("be.mhealth.pyramid.m9.unknown.v1")).isEqualTo(DelistingReason.OTHER);
    }
}

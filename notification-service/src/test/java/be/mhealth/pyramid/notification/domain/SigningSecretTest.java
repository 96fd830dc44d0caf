package be.mhealth.pyramid.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification defines them, checked against its published test vector. */
class SigningSecretTest {

    @Test
    void reproducesTheSpecificationsTestVector() {
        // The reference libraries' vector (standard-webhooks, svix): secret, id, timestamp, body → signature.
        SigningSecret secret = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aChangedIdTimestampOrBodyChangesTheSignature() {
        SigningSecret secret = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = secret.sign("msg_1", 1614265330L, "{}");
        assertThat(secret.sign("msg_2", 1614265330L, "{}")).isNotEqualTo(signature);
        assertThat(secret.sign("msg_1", 1614265331L, "{}")).isNotEqualTo(signature);
        assertThat(secret.sign("msg_1", 1614265330L, "{ }")).isNotEqualTo(signature);
        assertThat(SigningSecret.generate().sign("msg_1", 1614265330L, "{}")).isNotEqualTo(signature);
    }

    @Test
    void generatedSecretsAreWhsecPrefixedBase64OfThirtyTwoRandomBytes() {
        String first = SigningSecret.generate().value();
        String second = SigningSecret.generate().value();
        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.substring("whsec_".length()))).hasSize(32);
        assertThat(SigningSecret.parse(first).value()).isEqualTo(first);
    }
}

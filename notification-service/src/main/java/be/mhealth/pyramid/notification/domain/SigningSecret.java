package be.mhealth.pyramid.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscription's signing secret in the Standard Webhooks format, {@code whsec_} followed by the base64 of the key's
 * bytes, and the signature of one delivery: {@code v1,} and the base64 of the HMAC-SHA256, keyed with those bytes, of
 * {@code "{webhook-id}.{webhook-timestamp}.{body}"}.
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    /** 256 bits (the specification asks for 24 to 64 bytes). */
    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private SigningSecret(byte[] key) {
        this.key = key.clone();
    }

    public static SigningSecret generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new SigningSecret(key);
    }

    /** Reads {@code whsec_<base64>} (the prefix is optional, as in the reference libraries). */
    public static SigningSecret parse(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return new SigningSecret(Base64.getDecoder().decode(encoded));
    }

    /** {@code whsec_<base64>}: what the subscriber is given, once. */
    public String value() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} of one attempt: {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}. */
    public String sign(String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((webhookId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

package be.mhealth.pyramid.notification.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.notification.config.NotificationConfig;
import be.mhealth.pyramid.notification.domain.SigningSecret;

/**
 * Keeps signing secrets encrypted at rest: AES-256-GCM (the JDK's), a random 96-bit nonce per secret, the
 * subscription id as associated data (a ciphertext copied to another row does not decrypt). Stored as
 * {@code v1:<base64 nonce>:<base64 ciphertext and tag>}.
 */
@ApplicationScoped
public class SecretCipher {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SecretCipher(NotificationConfig config) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(config.secretKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pyramid.notification.secret-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("pyramid.notification.secret-key must be 32 bytes (base64), not "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(SigningSecret secret, UUID subscription) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, subscription);
            byte[] sealed = cipher.doFinal(secret.value().getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return VERSION + ":" + b64.encodeToString(nonce) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a signing secret", e);
        }
    }

    public SigningSecret decrypt(String stored, UUID subscription) {
        String[] parts = stored.split(":");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("subscription " + subscription + ": unknown secret format");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, b64.decode(parts[1]), subscription);
            return SigningSecret.parse(new String(cipher.doFinal(b64.decode(parts[2])), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("subscription " + subscription
                    + ": the signing secret does not decrypt with pyramid.notification.secret-key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID subscription) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subscription.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}

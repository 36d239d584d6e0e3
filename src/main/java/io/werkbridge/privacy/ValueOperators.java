package io.werkbridge.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The value-changing actions: mask keeps the last n characters, hash is a keyed HMAC-SHA256. */
public final class ValueOperators {

    private static final int MIN_KEY_BYTES = 32;
    private final SecretKeySpec hashKey;
    private final ThreadLocal<Mac> macs;

    public ValueOperators(byte[] hashKey) {
        if (hashKey == null || hashKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the hash key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.hashKey = new SecretKeySpec(hashKey.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Replaces all but the last {@code keep} code points with '*'; a value no longer than keep is masked whole. */
    public static String mask(String value, int keep) {
        int length = value.codePointCount(0, value.length());
        int visible = keep >= length ? 0 : keep;
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < length - visible; i++) {
            out.append('*');
        }
        out.append(value, value.offsetByCodePoints(0, length - visible), value.length());
        return out.toString();
    }

    /** Stable, keyed, not reversible: the same value always gives the same lowercase hex digest. */
    public String hash(String value) {
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}

package io.werkbridge.privacy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

    private static final byte[] KEY = "werkbridge-test-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesRfc4231TestCase6() {
        // RFC 4231, 4.7: 131-byte key of 0xaa, "Test Using Larger Than Block-Size Key - Hash Key First"
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);

        String hash = new KeyedHash(key).hash("Test Using Larger Than Block-Size Key - Hash Key First");

        assertThat(hash).isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void agreesWithTheJdksHmacForKeysAroundTheBlockSizeAndLongValues() throws Exception {
        for (int keyLength : new int[] {32, 63, 64, 65, 200}) {
            byte[] key = new byte[keyLength];
            for (int i = 0; i < keyLength; i++) {
                key[i] = (byte) (i * 31 + keyLength);
            }
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            KeyedHash hash = new KeyedHash(key);
            for (String value : List.of("", "K-1", "Grüße aus Bielefeld", "x".repeat(55), "y".repeat(56), "z".repeat(1000))) {
                String expected = java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
                assertThat(hash.hash(value)).as("key of %d bytes, value of %d chars", keyLength, value.length()).isEqualTo(expected);
            }
        }
    }

    @Test
    void sameInputAndKeyGiveTheSameLowerCaseHex() {
        KeyedHash one = new KeyedHash(KEY);
        KeyedHash other = new KeyedHash(KEY.clone());

        String hash = one.hash("erika.mustermann@example.com");

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(one.hash("erika.mustermann@example.com")).isEqualTo(hash);
        assertThat(other.hash("erika.mustermann@example.com")).isEqualTo(hash);
    }

    @Test
    void differentKeysOrValuesGiveDifferentHashes() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertThat(new KeyedHash(otherKey).hash("Mustermann")).isNotEqualTo(new KeyedHash(KEY).hash("Mustermann"));
        assertThat(new KeyedHash(KEY).hash("Mustermann")).isNotEqualTo(new KeyedHash(KEY).hash("mustermann"));
    }

    @Test
    void keyIsCopiedSoWipingTheCallersArrayChangesNothing() {
        byte[] key = KEY.clone();
        KeyedHash hash = new KeyedHash(key);
        String before = hash.hash("Mustermann");

        Arrays.fill(key, (byte) 0);

        assertThat(hash.hash("Mustermann")).isEqualTo(before);
    }

    @Test
    void rejectsShortOrMissingKeysAndNullValues() {
        assertThatThrownBy(() -> new KeyedHash(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new KeyedHash(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyedHash(KEY).hash(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(new KeyedHash(KEY).toString()).doesNotContain("werkbridge").isEqualTo("KeyedHash[HmacSHA256]");
    }

    @Test
    void isThreadSafe() throws Exception {
        KeyedHash hash = new KeyedHash(KEY);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add("value-" + i);
        }
        List<String> expected = values.stream().map(hash::hash).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                results.add(pool.submit(() -> values.stream().map(hash::hash).toList().equals(expected)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> distinct = new HashSet<>(expected);
        assertThat(distinct).hasSize(values.size());
    }
}

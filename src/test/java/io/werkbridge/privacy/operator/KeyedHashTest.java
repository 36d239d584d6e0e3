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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void matchesRfc4231TestCase7() {
        // RFC 4231, 4.8: 131-byte key of 0xaa and a value longer than the block size
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);

        String hash = new KeyedHash(key).hash("This is a test using a larger than block-size key and a larger than block-size data."
                + " The key needs to be hashed before being used by the HMAC algorithm.");

        assertThat(hash).isEqualTo("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    /**
     * Hashes computed by the hand-written HMAC this class had before it used {@code javax.crypto.Mac}: pseudonyms
     * and hashes already sent to destinations, and the vault's lookup hashes, must not change.
     */
    @ParameterizedTest(name = "key of {0} bytes, value {1}")
    @CsvSource({
            "36, '', 56878f8052975001e6b092f39b15918f4ea4db89206d82f3b133c3673ac1eaf9",
            "36, K-1, 287e2fb98ee7b6297e3d1b4c1b0dc5c697699000945c22d9de886d88af5f30ab",
            "36, erika.mustermann@example.com, 3865ff30355a7c62227791e6429745013de34c663d4bf133eda7ba2730ec91f8",
            "36, Grüße aus Bielefeld, 1a5ccd5ea0681688c6156252c18cafd06f832bed181c07f6aa35996a18b47e96",
            "36, x*55, 9370c5905aeed89e6addff8934a1c66a6f40ce837c0c28b77e4be89c89c7c537",
            "36, y*56, 94bbe6c34621789c6a3b7dbf848c5aac1222ddf6f0a416632109396a7337e932",
            "36, z*1000, fc5c077530d9c674da19ab3ce974acad04714918e598edc684f19800fde116d7",
            "32, '', b4a8f5e0cc686be113602f450208fd30d5e28396f1c5243de6ed226ff4145421",
            "32, K-1, d3046efad563ec692984123fb067657447b4d1e5c96ac7ac21aea723d2580f10",
            "32, Grüße aus Bielefeld, 8be6b933186fbe03246592b0dba4d220d09c4cf63fb1831f8cab34157cbc0e6d",
            "32, y*56, 52054d6091d266fe24ce40990e77e347fef8981e6cb983bd4a77cddc35d650c7",
            "64, erika.mustermann@example.com, 9bdb9946b88f54994632623018872967106e587f9de95f95984a7818864f2e8b",
            "64, z*1000, 573ef1064de28edc1b033296efbb190edd3833176de2aa4bbfa9acc354df2991",
            "65, K-1, 780ea5a77120fc6befe9fee380b33e26e2d5c93156cd5e5350dc51dd33a5b238",
            "65, x*55, bf43f8f103d427fa9abe60af850184cf65a3af25f33d0c11d5e039d05215e8ce",
            "131, Grüße aus Bielefeld, 586d5538bb5b6e23a0274171ece74ddf4b9cd27115de539b4cbba623fb8f52f1",
            "131, z*1000, 1e38746402f452eb1d9845f84f97eee96907d822570d9ab06f275a98f49669bd",
    })
    void keepsTheHashesOfTheFormerHandWrittenHmac(int keyLength, String value, String expected) {
        assertThat(new KeyedHash(vectorKey(keyLength)).hash(expand(value))).isEqualTo(expected);
    }

    /** The vault derives its lookup and (former) encryption keys from the hub key by hashing labels: unchanged too. */
    @Test
    void keepsTheVaultsDerivedKeys() {
        KeyedHash derive = new KeyedHash("vault-test-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));

        assertThat(derive.hash("werkbridge-vault-lookup-v1")).isEqualTo("081a85736351d0f7521c7120bbba33821f50fe67eb64ce6f08b76b3fd35b9eb6");
        assertThat(derive.hash("werkbridge-vault-encryption-v1")).isEqualTo("40146dac44a3b33eb98d1ad1c034cc81dfcb018e0055fad939dd1f6f277b76d7");
    }

    /** 36: the ASCII test key below; other lengths: byte i is i * 31 + length. */
    private static byte[] vectorKey(int length) {
        if (length == 36) {
            return KEY.clone();
        }
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (i * 31 + length);
        }
        return key;
    }

    /** "x*55" is 55 times "x"; anything else is itself. */
    private static String expand(String value) {
        int star = value.indexOf('*');
        return star == 1 ? value.substring(0, 1).repeat(Integer.parseInt(value.substring(2))) : value;
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

package io.werkbridge.connector.serial.telegram;

import io.werkbridge.model.InvalidSourceDataException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The key=value telegram: UTF-8 text of {@code KEY=value} pairs separated by {@code ;}, e.g.
 * {@code STATE=RUNNING;PARTS=1234;OPID=W-0815}. Keys are 1-32 characters of letters, digits, {@code _ . -},
 * starting with a letter, each at most once; values are trimmed, at most {@value #MAX_VALUE} characters, without
 * {@code ;} or control characters; at most {@value #MAX_PAIRS} pairs. Empty pairs ({@code ;;}, a trailing
 * {@code ;}) and a trailing CR/LF are ignored.
 */
public final class KeyValueTelegram {

    public static final int MAX_PAIRS = 64;
    public static final int MAX_VALUE = 256;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}");

    /**
     * @return the pairs in telegram order
     * @throws InvalidSourceDataException naming the pair or key at fault
     */
    public Map<String, String> parse(byte[] payload) {
        String text = decode(payload).strip();
        if (text.isEmpty()) {
            throw new InvalidSourceDataException("empty telegram: expected KEY=value pairs separated by ';'");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        String[] parts = text.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int position = i + 1;
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new InvalidSourceDataException("pair " + position + " has no '=': expected KEY=value");
            }
            String key = part.substring(0, equals).strip();
            if (!KEY.matcher(key).matches()) {
                throw new InvalidSourceDataException("pair " + position + ": the key must be 1-32 letters, digits, '_', '.' or '-', starting with a letter");
            }
            String value = part.substring(equals + 1).strip();
            if (value.length() > MAX_VALUE) {
                throw new InvalidSourceDataException("value of '" + key + "' is longer than " + MAX_VALUE + " characters");
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidSourceDataException("value of '" + key + "' contains control characters");
            }
            if (pairs.putIfAbsent(key, value) != null) {
                throw new InvalidSourceDataException("key '" + key + "' appears twice");
            }
            if (pairs.size() > MAX_PAIRS) {
                throw new InvalidSourceDataException("more than " + MAX_PAIRS + " pairs");
            }
        }
        if (pairs.isEmpty()) {
            throw new InvalidSourceDataException("empty telegram: expected KEY=value pairs separated by ';'");
        }
        return pairs;
    }

    private static String decode(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSourceDataException("telegram is not UTF-8 text");
        }
    }
}

package io.werkbridge.connector.serial.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records everything a decoder reports. */
final class RecordingListener implements FrameListener {

    final List<byte[]> frames = new ArrayList<>();
    long garbage;
    int checksumErrors;
    int oversize;

    @Override
    public void onFrame(byte[] payload) {
        frames.add(payload);
    }

    @Override
    public void onGarbage(int byteCount) {
        if (byteCount <= 0) {
            throw new AssertionError("garbage reported with count " + byteCount);
        }
        garbage += byteCount;
    }

    @Override
    public void onChecksumError() {
        checksumErrors++;
    }

    @Override
    public void onOversizeFrame() {
        oversize++;
    }

    List<String> texts() {
        return frames.stream().map(f -> new String(f, StandardCharsets.ISO_8859_1)).toList();
    }
}

package io.werkbridge.privacy.text;

/** A half-open range {@code [start, end)} of a text. */
record Span(int start, int end) {

    boolean contains(Finding finding) {
        return start <= finding.start() && finding.end() <= end;
    }
}

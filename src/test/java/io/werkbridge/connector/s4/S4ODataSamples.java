package io.werkbridge.connector.s4;

import io.werkbridge.demo.S4ODataPartners;

/** The tests' S/4 partners: the demo simulator's synthetic A_BusinessPartner entities ({@link S4ODataPartners}). */
public final class S4ODataSamples {

    private S4ODataSamples() {
    }

    public static String key(int n) {
        return S4ODataPartners.key(n);
    }

    public static String iban(int n) {
        return S4ODataPartners.iban(n);
    }

    public static com.fasterxml.jackson.databind.node.ObjectNode partner(String serviceUrl, int n, boolean blocked, String changeTime) {
        return S4ODataPartners.partner(serviceUrl, n, blocked, changeTime);
    }

    public static String page(String serviceUrl, int from, int to, int blocked, String changeTime, String next) {
        return S4ODataPartners.page(serviceUrl, from, to, blocked, changeTime, next);
    }
}

package io.werkbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A SOAP service path takes a POST (a call) or a GET with {@code ?wsdl} or {@code ?xsd=...} (its contract); anything
 * else is answered here at once. Otherwise CXF hands, say, a plain GET to the route, which finds no operation and holds
 * an intake slot until it fails: runs before the {@link IntakeLimitFilter}, so such requests never take a slot.
 */
public final class SoapMethodFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public SoapMethodFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals("/services") && !path.startsWith("/services/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if ("POST".equals(method) || "GET".equals(method) && asksForContract(request.getQueryString())) {
            chain.doFilter(request, response);
            return;
        }
        if ("GET".equals(method)) {
            Problems.write(response, json, Problems.of(HttpStatus.BAD_REQUEST, "soap-get", "Not a SOAP call",
                    "a service is called with POST; GET serves only its contract (?wsdl or ?xsd=...)"));
            return;
        }
        response.setHeader(HttpHeaders.ALLOW, "POST, GET");
        Problems.write(response, json, Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "soap-method", "Method not allowed",
                "a service is called with POST; GET serves only its contract (?wsdl or ?xsd=...)"));
    }

    /** {@code wsdl}, {@code wsdl=...} or {@code xsd=...} as the first query parameter, as CXF reads them. */
    static boolean asksForContract(String query) {
        if (query == null) {
            return false;
        }
        String first = query.toLowerCase(Locale.ROOT).split("&", 2)[0];
        return first.equals("wsdl") || first.startsWith("wsdl=") || first.startsWith("xsd=");
    }
}

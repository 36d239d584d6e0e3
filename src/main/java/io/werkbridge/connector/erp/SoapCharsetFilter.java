package io.werkbridge.connector.erp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.cxf.helpers.HttpHeaderHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CXF answers a request whose Content-Type names a charset it cannot map with a bare 500 (and logs the header value).
 * This filter, in front of the CXF servlet ({@code /services/...}), answers it instead with a SOAP 1.1 client fault
 * and 415, decided by CXF's own charset mapping so the two cannot disagree. The charset is neither echoed nor logged.
 */
@Component
final class SoapCharsetFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SoapCharsetFilter.class);
    private static final String FAULT = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>\
            <faultcode>soap:Client</faultcode><faultstring>the charset named in the Content-Type is not supported;\
             send the request in UTF-8 (Content-Type: text/xml; charset=UTF-8)</faultstring>\
            </soap:Fault></soap:Body></soap:Envelope>""";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/services/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String charset = HttpHeaderHelper.findCharset(request.getContentType());
        if (charset != null && HttpHeaderHelper.mapCharset(charset) == null) {
            LOG.info("SOAP request refused: the Content-Type names an unsupported charset");
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            response.setContentType("text/xml; charset=UTF-8");
            response.getOutputStream().write(FAULT.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}

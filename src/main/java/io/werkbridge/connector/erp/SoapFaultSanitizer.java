package io.werkbridge.connector.erp;

import java.util.regex.Pattern;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema-validation faults quote the offending value ("Value 'x' is not facet-valid ..."), and that value may be
 * personal data. This interceptor removes quoted values from fault texts before they leave, keeping the rule, the
 * element and the position, and logs the sanitised reason.
 */
final class SoapFaultSanitizer extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(SoapFaultSanitizer.class);
    /** "Value 'x'", "The value 'x'", "'x' is not a valid value" and the like. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("(?i)(value\\s+)'[^']*'|^([^:]*:\\s*)?'[^']*'(?=\\s+is not)");
    private static final Pattern CVC_LENGTH = Pattern.compile("with length = '\\d+' ");

    SoapFaultSanitizer() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        Exception content = message.getContent(Exception.class);
        if (content instanceof Fault fault && fault.getMessage() != null) {
            String clean = sanitize(fault.getMessage());
            fault.setMessage(clean);
            LOG.info("SOAP request refused: {}", clean);
        }
    }

    static String sanitize(String text) {
        String withoutValues = QUOTED_VALUE.matcher(text).replaceAll(m -> m.group(1) != null
                ? m.group(1).replace("$", "\\$") + "(value withheld)"
                : (m.group(2) == null ? "" : m.group(2).replace("$", "\\$")) + "the value");
        return CVC_LENGTH.matcher(withoutValues).replaceAll("");
    }
}

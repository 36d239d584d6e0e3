package io.werkbridge.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.connector.erp.ErpRightsTarget;
import io.werkbridge.connector.erp.ErpServiceCalls;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.rights.RightsRequestType;
import io.werkbridge.rights.RightsTargetException;
import io.werkbridge.rights.SubjectIds;
import io.werkbridge.rights.TargetOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ERP as a SOAP rights target, against WireMock through the hub's real ERP client (the target itself is off in the
 * shared test configuration, as by default): access reads with lookupCustomer, erasure calls anonymizeBusinessPartner.
 */
class ErpRightsTargetTest extends HubTestSupport {

    @Autowired
    ErpServiceCalls erpServiceCalls;

    private ErpRightsTarget target() {
        return new ErpRightsTarget(erpServiceCalls);
    }

    @Test
    void accessExportsWhatTheErpHolds() {
        TargetOutcome outcome = target().execute(RightsRequestType.ACCESS, new SubjectIds("100234", "K-1", null), null);
        assertThat(outcome.result()).isEqualTo("exported");
        assertThat(CanonicalJson.read(outcome.data()).path("contacts").get(0).path("email").asText()).isEqualTo("erika@example.com");
        TargetOutcome none = target().execute(RightsRequestType.PORTABILITY, new SubjectIds("555", null, null), null);
        assertThat(none.result()).isEqualTo("no data held");
        assertThat(none.data()).isNull();
    }

    @Test
    void erasureAnonymisesTheContactAtTheErp() {
        TargetOutcome outcome = target().execute(RightsRequestType.ERASURE, new SubjectIds("100234", "K-2", null), null);
        assertThat(outcome.result()).isEqualTo("anonymized");
        String soap = ErpServiceStubs.xml(ErpServiceStubs.requests(ERP, "anonymizeBusinessPartner").get(0));
        assertThat(soap).contains("<customerNumber>100234</customerNumber>", "<contactId>K-2</contactId>");
        assertThat(ErpServiceStubs.idempotencyKey(ErpServiceStubs.requests(ERP, "anonymizeBusinessPartner").get(0))).isNotBlank();
    }

    @Test
    void erpFailureIsARetryableTargetFailure() {
        ERP.stubFor(ErpServiceStubs.call("anonymizeBusinessPartner").atPriority(1).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> target().execute(RightsRequestType.ERASURE, new SubjectIds("100234", null, null), null))
                .isInstanceOf(RightsTargetException.class)
                .hasMessageContaining("anonymizeBusinessPartner");
    }

    @Test
    void requestsTheErpDoesNotServeAreAnsweredWithoutACall() {
        TargetOutcome byEmail = target().execute(RightsRequestType.ERASURE, new SubjectIds(null, null, "erika@example.com"), null);
        assertThat(byEmail.result()).startsWith("not applicable");
        TargetOutcome restriction = target().execute(RightsRequestType.RESTRICTION, new SubjectIds("100234", null, null), null);
        assertThat(restriction.result()).startsWith("not applicable");
        assertThat(ERP.getAllServeEvents()).isEmpty();
    }
}

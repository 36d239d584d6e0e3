package io.werkbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The token bucket per client, on a clock the test moves. */
class RateLimitFilterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimitFilter filter = new RateLimitFilter(2, 3, new ObjectMapper(), nanos::get);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private int call(String client) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client, null,
                AuthorityUtils.createAuthorityList("ROLE_SHOP")));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/shop/orders"), response, new MockFilterChain());
        if (response.getStatus() == 429) {
            assertThat(response.getHeader("Retry-After")).isEqualTo("1");
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
        }
        return response.getStatus();
    }

    @Test
    void burstThenRateThenRefillPerClient() throws Exception {
        assertThat(call("shop")).isEqualTo(200);
        assertThat(call("shop")).isEqualTo(200);
        assertThat(call("shop")).isEqualTo(200);
        assertThat(call("shop")).as("burst of 3 used up").isEqualTo(429);
        assertThat(call("portal")).as("another client has its own bucket").isEqualTo(200);
        nanos.addAndGet(500_000_000L);
        assertThat(call("shop")).as("one token after half a second at 2/s").isEqualTo(200);
        assertThat(call("shop")).isEqualTo(429);
    }

    @Test
    void bucketsOfCallersGoneQuietUntilTheirBucketIsFullAreForgotten() throws Exception {
        for (int i = 0; i < 1000; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/shop/orders");
            request.setRemoteAddr("2001:db8::" + Integer.toHexString(i));
            filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        }
        assertThat(filter.clients()).isEqualTo(1000);
        assertThat(call("shop")).isEqualTo(200);
        assertThat(call("shop")).isEqualTo(200);
        assertThat(call("shop")).isEqualTo(200);
        assertThat(call("shop")).isEqualTo(429);

        nanos.addAndGet(1_500_000_000L); // 3 tokens at 2/s: every bucket is full again

        assertThat(filter.clients()).isZero();
        assertThat(call("shop")).as("a full burst again, as before").isEqualTo(200);
        assertThat(call("shop")).isEqualTo(200);
        assertThat(call("shop")).isEqualTo(200);
        assertThat(call("shop")).isEqualTo(429);
        assertThat(filter.clients()).isEqualTo(1);
    }
}

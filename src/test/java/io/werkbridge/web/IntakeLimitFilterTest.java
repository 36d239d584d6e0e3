package io.werkbridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class IntakeLimitFilterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Counter rejected = Counter.builder("rejected").register(new SimpleMeterRegistry());
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aRequestBeyondTheBoundWaitsForTheNextFreeTurn() throws Exception {
        IntakeLimitFilter filter = new IntakeLimitFilter(1, Duration.ofSeconds(10), json, rejected);
        Held held = new Held();

        Future<MockHttpServletResponse> first = holdInside(filter, "/services/erp", held);
        Future<MockHttpServletResponse> second = threads.submit(() -> call(filter, "/services/erp", held));
        Thread.sleep(200);
        assertThat(second.isDone()).as("the second request waits while the first is worked on").isFalse();
        assertThat(filter.inFlight()).isEqualTo(1);

        held.release();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(held.reached.get()).isEqualTo(2);
        assertThat(held.mostInside.get()).isEqualTo(1);
        assertThat(filter.inFlight()).isZero();
        assertThat(rejected.count()).isZero();
    }

    @Test
    void aRequestThatWaitedLongerThanMaxWaitIsAnswered503WithoutReachingTheHub() throws Exception {
        IntakeLimitFilter filter = new IntakeLimitFilter(1, Duration.ofMillis(100), json, rejected);
        Held held = new Held();
        Future<MockHttpServletResponse> first = holdInside(filter, "/api/v1/shop/orders", held);

        MockHttpServletResponse busy = call(filter, "/api/v1/shop/orders", held);

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
        JsonNode problem = json.readTree(busy.getContentAsByteArray());
        assertThat(problem.path("type").asText()).isEqualTo("urn:werkbridge:problem:intake-busy");
        assertThat(problem.path("detail").asText()).contains("1 requests").contains("send it again");
        assertThat(held.reached.get()).as("only the first request reached the hub").isEqualTo(1);
        assertThat(rejected.count()).isEqualTo(1.0);

        held.release();
        first.get(5, TimeUnit.SECONDS);
        assertThat(call(filter, "/api/v1/shop/orders", held).getStatus())
                .as("the turn is free again once the first request finished").isEqualTo(200);
        assertThat(held.reached.get()).isEqualTo(2);
    }

    @Test
    void aFailingRequestGivesItsTurnBack() throws Exception {
        IntakeLimitFilter filter = new IntakeLimitFilter(1, Duration.ZERO, json, rejected);
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("route failed");
        };

        assertThatThrownBy(() -> call(filter, "/services/erp", failing)).isInstanceOf(IllegalStateException.class);

        assertThat(filter.inFlight()).isZero();
        assertThat(call(filter, "/services/erp", (request, response) -> { }).getStatus()).isEqualTo(200);
    }

    @Test
    void onlyThePartnersIntakeIsBoundedNotTheOperatorsOrTheActuator() throws Exception {
        IntakeLimitFilter filter = new IntakeLimitFilter(1, Duration.ZERO, json, rejected);
        Held held = new Held();
        holdInside(filter, "/services/erp", held);

        for (String path : new String[] {"/api/v1/operations/dead-letters", "/actuator/prometheus", "/console/", "/api/v1/audit/verify"}) {
            assertThat(call(filter, path, (request, response) -> { }).getStatus()).as(path).isEqualTo(200);
        }
        for (String path : new String[] {"/services/erp", "/api/v1/shop/customers/K-1", "/api/v1/portal/service-tickets", "/api/v1/erp/idoc"}) {
            assertThat(call(filter, path, (request, response) -> { }).getStatus()).as(path).isEqualTo(503);
        }
        held.release();
    }

    /** Sends a request that stays inside the filter until {@code held} is released; returns once it is inside. */
    private Future<MockHttpServletResponse> holdInside(IntakeLimitFilter filter, String path, Held held)
            throws InterruptedException {
        Future<MockHttpServletResponse> inside = threads.submit(() -> call(filter, path, held));
        held.awaitInside();
        return inside;
    }

    /** The work behind the filter: each request stays inside until released, and answers 200. */
    private static final class Held implements FilterChain {
        final AtomicInteger reached = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        private final AtomicInteger inside = new AtomicInteger();
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) {
            reached.incrementAndGet();
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
            ((MockHttpServletResponse) response).setStatus(200);
        }

        void awaitInside() throws InterruptedException {
            assertThat(entered.await(5, TimeUnit.SECONDS)).as("a request reached the work").isTrue();
        }

        void release() {
            released.countDown();
        }
    }

    private static MockHttpServletResponse call(IntakeLimitFilter filter, String path, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}

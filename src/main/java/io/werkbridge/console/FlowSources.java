package io.werkbridge.console;

import io.werkbridge.messaging.FeedsFlows;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Where each flow's messages come from, found in what runs: every running route whose consumer is outside the hub
 * (SOAP, file inbox, timer, OPC UA, serial, ...) is followed through its {@code to}/{@code toD} steps and the
 * {@code direct:} routes they call until it reaches {@code direct:publish-<flow>} or a flow's inbound queue, or a bean
 * step whose method is marked {@link FeedsFlows}; and every HTTP handler the hub maps that is marked
 * {@link FeedsFlows}. Routes made from one template (a protocol's machines) are one source. Nothing here names a
 * source: a connector that is not wired does not appear.
 */
final class FlowSources {

    /** Endpoint schemes that are the hub's own plumbing, not a system data comes from. */
    private static final Set<String> INTERNAL = Set.of("direct", "seda", "jms", "activemq");
    private static final Pattern PUBLISH = Pattern.compile("direct:(?://)?publish-([a-z0-9-]+)");
    private static final Pattern INBOUND = Pattern.compile("jms:queue:werkbridge\\.([a-z0-9-]+)\\.inbound(?:\\?.*)?");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");
    /** What a consumer's scheme is, in words; an unknown scheme is shown as it is. */
    private static final Map<String, String> KINDS = Map.of("cxf", "SOAP service", "file", "file inbox",
            "timer", "polling", "milo-client", "OPC UA", "serial", "serial line", "platform-http", "HTTP", "rest", "HTTP");

    /**
     * @param name   the route id, the template the routes were made from, or the HTTP system
     * @param kind   how data arrives (SOAP service, file inbox, OPC UA, HTTP API, ...)
     * @param detail the routes or HTTP endpoints behind the source
     * @param status started, stopped, or how many of a template's routes are started
     */
    public record Source(String name, String kind, String detail, String status) {
    }

    private final CamelContext camel;
    private final RequestMappingHandlerMapping http;

    FlowSources(CamelContext camel, RequestMappingHandlerMapping http) {
        this.camel = camel;
        this.http = http;
    }

    /** The sources of each of {@code flows}, sorted by name; a flow nothing feeds has an empty list. */
    Map<String, List<Source>> of(Set<String> flows) {
        Map<String, List<Source>> out = new TreeMap<>();
        flows.forEach(f -> out.put(f, new ArrayList<>()));
        routeSources(flows, out);
        httpSources(flows, out);
        out.values().forEach(list -> list.sort(Comparator.comparing(Source::name).thenComparing(Source::detail)));
        return out;
    }

    private void routeSources(Set<String> flows, Map<String, List<Source>> out) {
        ModelCamelContext model = (ModelCamelContext) camel;
        // copies: routes (a machine's) may be added while the map is drawn
        List<RouteDefinition> definitions = List.copyOf(model.getRouteDefinitions());
        Map<String, RouteDefinition> byDirect = new HashMap<>();
        for (RouteDefinition d : definitions) {
            String direct = directName(resolve(d, d.getInput().getEndpointUri()));
            if (direct != null) {
                byDirect.put(direct, d);
            }
        }
        // template (or route id) → flow → the routes of that template that feed the flow
        Map<String, Map<String, List<Route>>> grouped = new TreeMap<>();
        for (RouteDefinition definition : definitions) {
            Route route = camel.getRoute(definition.getRouteId());
            if (route == null || INTERNAL.contains(scheme(route.getEndpoint().getEndpointUri()))) {
                continue;
            }
            Set<String> reached = new TreeSet<>();
            follow(definition, byDirect, flows, reached, new HashSet<>());
            String template = definition.isCreatedFromTemplate() ? templateOf(definition) : null;
            String name = template != null ? template : definition.getRouteId();
            reached.forEach(flow -> grouped.computeIfAbsent(name, k -> new TreeMap<>())
                    .computeIfAbsent(flow, k -> new ArrayList<>()).add(route));
        }
        grouped.forEach((name, perFlow) -> perFlow.forEach((flow, routes) -> {
            Route first = routes.get(0);
            String scheme = scheme(first.getEndpoint().getEndpointUri());
            long started = routes.stream().filter(r -> camel.getRouteController().getRouteStatus(r.getRouteId()).isStarted()).count();
            String status = routes.size() == 1
                    ? camel.getRouteController().getRouteStatus(first.getRouteId()).name().toLowerCase(Locale.ROOT)
                    : started + " of " + routes.size() + " started";
            String detail = routes.size() == 1 ? "route " + first.getRouteId() : routes.size() + " routes";
            out.get(flow).add(new Source(name, KINDS.getOrDefault(scheme, scheme), detail, status));
        }));
    }

    /** Adds to {@code reached} every flow the route's steps publish to, following direct: routes and marked beans. */
    private void follow(RouteDefinition definition, Map<String, RouteDefinition> byDirect, Set<String> flows,
                        Set<String> reached, Set<String> seen) {
        if (!seen.add(definition.getRouteId())) {
            return;
        }
        walk(definition.getOutputs(), step -> {
            if (step instanceof ToDynamicDefinition dynamic) {
                String uri = resolve(definition, dynamic.getUri());
                int expression = uri.indexOf("${");
                String prefix = directName(expression < 0 ? uri : uri.substring(0, expression));
                byDirect.forEach((direct, target) -> {
                    if (prefix != null && direct.startsWith(prefix)) {
                        follow(target, byDirect, flows, reached, seen);
                    }
                });
                target(uri, flows).ifPresent(reached::add);
            } else if (step instanceof SendDefinition<?> send) {
                String uri = resolve(definition, send.getEndpointUri());
                target(uri, flows).ifPresentOrElse(reached::add, () -> {
                    String direct = directName(uri);
                    RouteDefinition next = direct == null ? null : byDirect.get(direct);
                    if (next != null) {
                        follow(next, byDirect, flows, reached, seen);
                    }
                });
            } else if (step instanceof BeanDefinition bean && bean.getRef() != null && bean.getMethod() != null) {
                beanFlows(bean.getRef(), bean.getMethod()).stream().filter(flows::contains).forEach(reached::add);
            }
        });
    }

    private static void walk(List<ProcessorDefinition<?>> steps, Consumer<ProcessorDefinition<?>> visit) {
        for (ProcessorDefinition<?> step : steps) {
            visit.accept(step);
            walk(step.getOutputs(), visit);
        }
    }

    private List<String> beanFlows(String ref, String method) {
        Object bean = camel.getRegistry().lookupByName(ref);
        if (bean == null) {
            return List.of();
        }
        int parameters = method.indexOf('(');
        String name = parameters < 0 ? method : method.substring(0, parameters);
        return Arrays.stream(AopUtils.getTargetClass(bean).getMethods())
                .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(FeedsFlows.class))
                .flatMap(m -> Arrays.stream(m.getAnnotation(FeedsFlows.class).value()))
                .distinct().toList();
    }

    private void httpSources(Set<String> flows, Map<String, List<Source>> out) {
        // system → flow → "POST /path" of each marked handler
        Map<String, Map<String, Set<String>>> bySystem = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : http.getHandlerMethods().entrySet()) {
            Method method = e.getValue().getMethod();
            FeedsFlows feeds = method.getAnnotation(FeedsFlows.class);
            if (feeds == null) {
                continue;
            }
            String verbs = String.join("/", e.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).sorted().toList());
            for (String path : e.getKey().getPatternValues()) {
                for (String flow : feeds.value()) {
                    if (flows.contains(flow)) {
                        bySystem.computeIfAbsent(feeds.from(), k -> new TreeMap<>())
                                .computeIfAbsent(flow, k -> new LinkedHashSet<>()).add((verbs.isEmpty() ? "" : verbs + " ") + path);
                    }
                }
            }
        }
        bySystem.forEach((system, perFlow) -> perFlow.forEach((flow, endpoints) ->
                out.get(flow).add(new Source(system, "HTTP API", String.join(", ", new TreeSet<>(endpoints)), "listening"))));
    }

    /** The paths of {@code controller}'s handlers for {@code verb} that take no path variable, as "VERB /path". */
    List<String> endpoints(Class<?> controller, RequestMethod verb) {
        return http.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().equals(controller)
                        && e.getKey().getMethodsCondition().getMethods().contains(verb))
                .flatMap(e -> e.getKey().getPatternValues().stream())
                .filter(path -> !path.contains("{"))
                .map(path -> verb.name() + " " + path).sorted().distinct().toList();
    }

    /** The flow a send publishes to: {@code direct:publish-<flow>} or {@code werkbridge.<flow>.inbound}. */
    private static java.util.Optional<String> target(String uri, Set<String> flows) {
        for (Pattern pattern : List.of(PUBLISH, INBOUND)) {
            Matcher m = pattern.matcher(uri);
            if (m.matches() && flows.contains(m.group(1))) {
                return java.util.Optional.of(m.group(1));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The template a route was made from: the {@code templateId} parameter its maker passed (Camel keeps no template
     * id on a route; guessing it from the from-uri confused templates that share one), else null: the route stands alone.
     */
    private static String templateOf(RouteDefinition definition) {
        Map<String, Object> parameters = definition.getTemplateParameters();
        Object named = parameters == null ? null : parameters.get(RouteTemplateParameterSource.TEMPLATE_ID);
        return named == null ? null : named.toString();
    }

    /** A template's parameters put in ({@code {{flow}}}); other placeholders are left as they are. */
    private static String resolve(RouteDefinition definition, String uri) {
        Map<String, Object> parameters = definition.getTemplateParameters();
        if (uri == null || parameters == null || parameters.isEmpty()) {
            return uri == null ? "" : uri;
        }
        return TEMPLATE_PARAMETER.matcher(uri).replaceAll(m -> Matcher.quoteReplacement(
                String.valueOf(parameters.getOrDefault(m.group(1), m.group()))));
    }

    /** The name of a direct: endpoint ({@code direct:x?y} → {@code x}), or null for any other. */
    private static String directName(String uri) {
        if (uri == null || !uri.startsWith("direct:")) {
            return null;
        }
        String name = uri.substring("direct:".length());
        name = name.startsWith("//") ? name.substring(2) : name;
        int query = name.indexOf('?');
        return query < 0 ? name : name.substring(0, query);
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon);
    }
}

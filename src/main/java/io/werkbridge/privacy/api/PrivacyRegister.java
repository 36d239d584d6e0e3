package io.werkbridge.privacy.api;

import io.werkbridge.privacy.camel.GatedRoutes.GatedRoute;
import io.werkbridge.privacy.policy.Action;
import io.werkbridge.privacy.policy.ActionType;
import io.werkbridge.privacy.policy.DataProcessor;
import io.werkbridge.privacy.policy.DestinationPolicy;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of processors and destinations of one policy, as JSON-ready records and as report tables. What each
 * destination receives comes from the running routes (their {@code privacy:<destination>} steps), not from the
 * configuration: a destination with a policy and no route says so.
 */
final class PrivacyRegister {

    private static final String CONTROLLER_NAME = "controller (own systems)";
    static final String ROUTED = "routed";
    static final String NO_ROUTE = "no route";
    static final String NO_HUB_FLOW = "no flow from the hub";

    private PrivacyRegister() {
    }

    /** One destination with its processor's contract and the action that applies to every category. */
    /**
     * @param flows    the flows whose running routes deliver to the destination
     * @param routes   those routes' ids
     * @param delivery {@value #ROUTED}, or {@value #NO_ROUTE} when no running route delivers to it
     */
    record DestinationEntry(String id, String processor, String processorName, String country, String transferMechanism,
                            DataProcessor.Contract contract, String purpose, String legalBasis, List<CategoryAction> actions,
                            List<String> flows, List<String> routes, String delivery) {
    }

    /** The action for one category; {@code explicit} is false when inherited from an ancestor or the default. */
    record CategoryAction(String category, boolean personal, String action, Integer keep, boolean explicit) {
    }

    /**
     * One processor with the destinations bound to it and the flows that reach it.
     *
     * @param hubFlow         {@value #ROUTED} (a running route delivers to one of its destinations), {@value #NO_ROUTE},
     *                        or {@value #NO_HUB_FLOW} (the policy says the hub sends it nothing)
     * @param noHubFlowReason why the hub sends it nothing, with {@value #NO_HUB_FLOW}
     */
    record ProcessorEntry(String id, String name, String address, String country, String role,
                          DataProcessor.Contract contract, String transferMechanism, boolean dataPrivacyFramework,
                          List<String> purposes, List<String> categories, List<String> destinations, List<String> flows,
                          String hubFlow, String noHubFlowReason) {
    }

    static List<DestinationEntry> destinations(PrivacyPolicy policy, Map<String, List<GatedRoute>> routes) {
        return policy.destinations().values().stream()
                .sorted(Comparator.comparing(DestinationPolicy::id))
                .map(d -> destination(policy, d, routes.getOrDefault(d.id(), List.of())))
                .toList();
    }

    static List<ProcessorEntry> processors(PrivacyPolicy policy, Map<String, List<GatedRoute>> routes) {
        return policy.processors().values().stream()
                .sorted(Comparator.comparing(DataProcessor::id))
                .map(p -> {
                    List<String> destinations = policy.destinations().values().stream()
                            .filter(d -> d.processor().equals(p.id())).map(DestinationPolicy::id).sorted().toList();
                    List<String> flows = destinations.stream()
                            .flatMap(d -> routes.getOrDefault(d, List.of()).stream()).map(GatedRoute::flow)
                            .distinct().sorted().toList();
                    String hubFlow = p.noHubFlow() != null ? NO_HUB_FLOW : flows.isEmpty() ? NO_ROUTE : ROUTED;
                    return new ProcessorEntry(p.id(), p.name(), p.address(), p.country(), p.role(), p.contract(),
                            p.transferMechanism(), p.dataPrivacyFramework(), p.purposes(), p.categories(), destinations, flows, hubFlow, p.noHubFlow());
                })
                .toList();
    }

    private static DestinationEntry destination(PrivacyPolicy policy, DestinationPolicy d, List<GatedRoute> routes) {
        Optional<DataProcessor> processor = policy.processor(d.processor());
        List<CategoryAction> actions = policy.taxonomy().categories().keySet().stream().sorted()
                .map(category -> {
                    Action action = d.actionFor(category, policy.taxonomy());
                    return new CategoryAction(category, policy.taxonomy().isPersonal(category), action.type().id(),
                            action.type() == ActionType.MASK ? action.keep() : null, d.actions().containsKey(category));
                })
                .toList();
        return new DestinationEntry(d.id(), d.processor(),
                processor.map(DataProcessor::name).orElse(DestinationPolicy.CONTROLLER.equals(d.processor()) ? CONTROLLER_NAME : null),
                processor.map(DataProcessor::country).orElse(null), processor.map(DataProcessor::transferMechanism).orElse(null),
                processor.map(DataProcessor::contract).orElse(null), d.purpose(), d.legalBasis(), actions,
                routes.stream().map(GatedRoute::flow).distinct().toList(), routes.stream().map(GatedRoute::routeId).toList(),
                routes.isEmpty() ? NO_ROUTE : ROUTED);
    }

    static ReportTable destinationTable(PrivacyPolicy policy, Map<String, List<GatedRoute>> routes) {
        List<List<String>> rows = new ArrayList<>();
        for (DestinationEntry d : destinations(policy, routes)) {
            for (CategoryAction a : d.actions()) {
                List<String> row = new ArrayList<>(List.of(d.id(), d.processor(), text(d.processorName()), text(d.country()),
                        text(d.transferMechanism())));
                row.addAll(contract(d.contract()));
                row.addAll(List.of(text(d.purpose()), text(d.legalBasis()), a.category(), String.valueOf(a.personal()),
                        a.action(), a.keep() == null ? "" : a.keep().toString(), a.explicit() ? "explicit" : "inherited",
                        String.join(" ", d.flows()), d.delivery()));
                rows.add(row);
            }
        }
        return new ReportTable("Werkbridge destinations (policy " + policy.version() + ")",
                List.of("destination", "processor", "processor_name", "country", "transfer_mechanism", "contract_reference",
                        "contract_sample", "contract_valid_from", "contract_valid_to", "contract_status", "purpose",
                        "legal_basis", "category", "personal", "action", "keep", "source", "flows", "delivery"), rows);
    }

    static ReportTable processorTable(PrivacyPolicy policy, Map<String, List<GatedRoute>> routes) {
        List<List<String>> rows = new ArrayList<>();
        for (ProcessorEntry p : processors(policy, routes)) {
            List<String> row = new ArrayList<>(List.of(p.id(), text(p.name()), text(p.address()), text(p.country()),
                    text(p.role()), text(p.transferMechanism())));
            row.addAll(contract(p.contract()));
            row.addAll(List.of(String.join(" ", p.purposes()), String.join(" ", p.categories()),
                    String.join(" ", p.destinations()), String.join(" ", p.flows()), p.hubFlow(), text(p.noHubFlowReason())));
            rows.add(row);
        }
        return new ReportTable("Werkbridge processors (policy " + policy.version() + ")",
                List.of("processor", "name", "address", "country", "role", "transfer_mechanism", "contract_reference",
                        "contract_sample", "contract_valid_from", "contract_valid_to", "contract_status", "purposes",
                        "categories", "destinations", "flows", "hub_flow", "no_hub_flow_reason"), rows);
    }

    private static List<String> contract(DataProcessor.Contract c) {
        if (c == null) {
            return List.of("", "", "", "", "");
        }
        return List.of(text(c.reference()), String.valueOf(c.sample()), date(c.validFrom()), date(c.validTo()), text(c.status()));
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

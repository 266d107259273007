package vn.lgsp.hub.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.lgsp.hub.app.delivery.DeliveryQueues;
import vn.lgsp.hub.app.routes.AsyncDeliveryFlow;
import vn.lgsp.hub.app.routes.RouteFiles;
import vn.lgsp.hub.app.routes.RouteTemplates;
import vn.lgsp.hub.app.routes.RoutesProperties;

/**
 * {@code config/broker.xml}, the external broker's configuration, says what {@link BrokerConfiguration} does for the
 * embedded broker: every queue of {@link Queues} exists, every ordered flow's queues have its dead-letter address,
 * redelivery with backoff, and an expiry address; dead letters and the inbox never move on; duplicate ids persist.
 */
class BrokerXmlTest {

    private static Document xml;

    @BeforeAll
    static void read() throws Exception {
        Path file = Path.of("../../config/broker.xml");
        assertThat(file).as("run from modules/hub-app").exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        try (var in = Files.newInputStream(file)) {
            xml = factory.newDocumentBuilder().parse(in);
        }
    }

    @Test
    void everyQueueOfTheHubIsAnAnycastAddressOfTheSameName() {
        List<String> queues = new ArrayList<>();
        for (DeliveryQueues q : Queues.ALL) {
            queues.addAll(List.of(q.events(), q.parked(), q.deadLetter()));
        }
        queues.add(Queues.DOCUMENT_INBOX);
        queues.add(Queues.EXPIRED);
        for (String queue : queues) {
            Element address = element("address", "name", queue).orElse(null);
            assertThat(address).as("<address name=\"%s\">", queue).isNotNull();
            NodeList anycastQueues = ((Element) address.getElementsByTagName("anycast").item(0))
                    .getElementsByTagName("queue");
            assertThat(anycastQueues.getLength()).as("anycast queues of %s", queue).isEqualTo(1);
            assertThat(((Element) anycastQueues.item(0)).getAttribute("name")).isEqualTo(queue);
        }
    }

    @Test
    void orderedFlowsHaveTheEmbeddedBrokersRedeliveryAndDeadLetterSettings() {
        BrokerConfiguration.BrokerProperties defaults = new BrokerConfiguration.BrokerProperties(null, null, null,
                null);
        for (DeliveryQueues q : Queues.ALL) {
            for (String queue : List.of(q.events(), q.parked())) {
                Element setting = setting(queue);
                assertThat(text(setting, "dead-letter-address")).as(queue).isEqualTo(q.deadLetter());
                assertThat(text(setting, "expiry-address")).as(queue).isEqualTo(Queues.EXPIRED);
                assertThat(text(setting, "max-delivery-attempts")).as(queue)
                        .isEqualTo(defaults.maxDeliveryAttempts().toString());
                assertThat(text(setting, "redelivery-delay")).as(queue)
                        .isEqualTo(defaults.redeliveryDelayMs().toString());
                assertThat(text(setting, "redelivery-delay-multiplier")).as(queue).isEqualTo("2.0");
                assertThat(text(setting, "max-redelivery-delay")).as(queue)
                        .isEqualTo(defaults.maxRedeliveryDelayMs().toString());
            }
            assertThat(text(setting(q.deadLetter()), "max-delivery-attempts")).as(q.deadLetter()).isEqualTo("-1");
        }
        assertThat(text(setting(Queues.DOCUMENT_INBOX), "max-delivery-attempts")).isEqualTo("-1");
    }

    @Test
    void routeFilesQueuesAreCreatedOnFirstUseAndNeverDropped() {
        Element routes = setting(Queues.ROUTES_MATCH);
        assertThat(text(routes, "auto-create-queues")).isEqualTo("true");
        assertThat(text(routes, "auto-create-addresses")).isEqualTo("true");
        assertThat(text(routes, "auto-delete-queues")).isEqualTo("false");
        assertThat(text(routes, "default-address-routing-type")).isEqualTo("ANYCAST");
        assertThat(text(routes, "dead-letter-address")).isEqualTo(Queues.ROUTES_DLQ);
        assertThat(text(routes, "max-delivery-attempts")).isEqualTo(
                new BrokerConfiguration.BrokerProperties(null, null, null, null).maxDeliveryAttempts().toString());
        assertThat(text(setting(Queues.ROUTES_DLQ_MATCH), "max-delivery-attempts")).isEqualTo("-1");
        assertThat(text(setting(Queues.ROUTES_DLQ), "max-delivery-attempts")).isEqualTo("-1");
        assertThat(element("address", "name", Queues.ROUTES_DLQ)).isPresent();
    }

    @Test
    void theExampleRouteFilesDeliveriesHaveTheirOwnDeadLetterQueue() {
        RouteFiles files = RouteFiles.read(new RoutesProperties(List.of("../../config/routes"), null, null, null));
        List<RouteFiles.TemplatedRoute> async = files.templatedRoutes().stream()
                .filter(r -> RouteTemplates.ASYNC_DELIVERY.equals(r.template())).toList();
        assertThat(async).isNotEmpty();
        for (RouteFiles.TemplatedRoute r : async) {
            DeliveryQueues q = AsyncDeliveryFlow.queues(r.parameters().get("service"), r.parameters().get("operation"));
            for (String queue : List.of(q.events(), q.parked())) {
                assertThat(text(setting(queue), "dead-letter-address")).as(queue).isEqualTo(q.deadLetter());
                assertThat(text(setting(queue), "redelivery-delay-multiplier")).as(queue).isEqualTo("2.0");
            }
            for (String queue : List.of(q.events(), q.parked(), q.deadLetter())) {
                assertThat(element("address", "name", queue)).as("<address name=\"%s\">", queue).isPresent();
            }
        }
    }

    @Test
    void duplicateIdsArePersistedAndLargeMessagesHaveADirectory() {
        Element core = (Element) xml.getElementsByTagName("core").item(0);
        assertThat(text(core, "persistence-enabled")).isEqualTo("true");
        assertThat(text(core, "persist-id-cache")).isEqualTo("true");
        assertThat(text(core, "id-cache-size")).isEqualTo(
                new BrokerConfiguration.BrokerProperties(null, null, null, null).idCacheSize().toString());
        assertThat(text(core, "large-messages-directory")).isNotBlank();
        assertThat(text(core, "security-enabled")).isEqualTo("true");
    }

    private static Element setting(String match) {
        return element("address-setting", "match", match)
                .orElseThrow(() -> new AssertionError("no <address-setting match=\"" + match + "\">"));
    }

    private static Optional<Element> element(String tag, String attribute, String value) {
        NodeList nodes = xml.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (value.equals(e.getAttribute(attribute))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}

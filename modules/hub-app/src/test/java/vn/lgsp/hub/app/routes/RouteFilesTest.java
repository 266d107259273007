package vn.lgsp.hub.app.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.app.delivery.DeliveryFlow;
import vn.lgsp.hub.app.delivery.DeliveryQueues;
import vn.lgsp.hub.app.delivery.RetryPolicy;
import vn.lgsp.hub.core.service.ServiceDescriptor;

/** Route files are checked before anything starts; a bad one is named with its line. */
class RouteFilesTest {

    private static final String LOOKUP = """
            - templatedRoute:
                routeTemplateRef: hub-rest-lookup
                parameters:
                  - {name: service, value: business-registry}
                  - {name: operation, value: lookup}
                  - {name: title, value: "Enterprises"}
                  - {name: path, value: "/api/v1/business-registry/enterprises/{enterpriseCode}"}
                  - {name: upstream, value: bizreg}
                  - {name: target, value: "direct:bizreg-lookup"}
                  - {name: subject, value: enterpriseCode}
            """;

    private static RouteFiles files(String name, String text) {
        return new RouteFiles(List.of(new RouteFiles.RouteFile(name, text)));
    }

    @Test
    void describesTheServicesOfTheFiles() {
        RouteFiles files = files("config/routes/a.yaml", LOOKUP);

        assertThat(files.services()).containsExactly(new ServiceDescriptor("business-registry", "Enterprises",
                "bizreg", List.of(new ServiceDescriptor.Operation("lookup", "business-registry.lookup", "GET",
                "/api/v1/business-registry/enterprises/{enterpriseCode}", null)), null));
    }

    @Test
    void theExampleFileIsValid() throws Exception {
        RouteFiles files = RouteFiles.read(new RoutesProperties(List.of("../../config/routes"), null, null, null));

        assertThat(files.services()).extracting(ServiceDescriptor::name).contains("business-registry");
        assertThat(files.files()).extracting(RouteFiles.RouteFile::name)
                .contains("../../config/routes/business-registry.yaml");
    }

    @Test
    void aYamlSyntaxErrorNamesFileAndLine() {
        assertThatThrownBy(() -> files("config/routes/broken.yaml", """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - log: "unterminated
                """))
                .isInstanceOf(RouteFileException.class)
                .hasMessageStartingWith("config/routes/broken.yaml line ")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void anUnknownTemplateNamesFileAndLine() {
        assertThatThrownBy(() -> files("config/routes/x.yaml", LOOKUP.replace("hub-rest-lookup", "hub-rest-lokup")))
                .isInstanceOf(RouteFileException.class)
                .hasMessageStartingWith("config/routes/x.yaml line 2: unknown route template 'hub-rest-lokup'");
    }

    @Test
    void aMissingParameterNamesFileAndLine() {
        assertThatThrownBy(() -> files("config/routes/x.yaml",
                LOOKUP.replace("      - {name: target, value: \"direct:bizreg-lookup\"}\n", "")))
                .isInstanceOf(RouteFileException.class)
                .hasMessage("config/routes/x.yaml line 2: templatedRoute of hub-rest-lookup lacks the parameter "
                        + "target");
    }

    @Test
    void anUnknownParameterNamesFileAndLine() {
        assertThatThrownBy(() -> files("config/routes/x.yaml",
                LOOKUP.replace("name: subject", "name: subjet")))
                .isInstanceOf(RouteFileException.class)
                .hasMessageStartingWith("config/routes/x.yaml line 10: template hub-rest-lookup has no parameter "
                        + "'subjet'");
    }

    @Test
    void aBadParameterValueNamesFileAndLine() {
        assertThatThrownBy(() -> files("config/routes/x.yaml", LOOKUP.replace("name: subject, value: enterpriseCode",
                "name: subject, value: code")))
                .isInstanceOf(RouteFileException.class)
                .hasMessageStartingWith("config/routes/x.yaml line 2: subject 'code' is not a variable of the path");
        assertThatThrownBy(() -> files("config/routes/x.yaml", LOOKUP + "      - {name: method, value: DELETE}\n"))
                .hasMessageContaining("method must be GET or POST");
    }

    @Test
    void anUnknownEipNamesFileAndLine() throws Exception {
        RouteFiles files = files("config/routes/eip.yaml", """
                - route:
                    id: bad
                    from:
                      uri: direct:a
                      steps:
                        - log: "fine"
                        - sendToo: "direct:b"
                """);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThatThrownBy(() -> RouteFilesLoader.load(camel, files, new RouteBuilder() {
                @Override
                public void configure() {
                }
            }))
                    .isInstanceOf(RouteFileException.class)
                    .hasMessageStartingWith("config/routes/eip.yaml: ")
                    .hasMessageContaining("line 7");
        }
    }

    private static final String NOTIFY = """
            - templatedRoute:
                routeTemplateRef: hub-async-delivery
                parameters:
                  - {name: service, value: business-registry}
                  - {name: operation, value: notify}
                  - {name: title, value: "Enterprises"}
                  - {name: path, value: "/api/v1/business-registry/notifications"}
                  - {name: upstream, value: bizreg}
                  - {name: target, value: "direct:bizreg-notify"}
                  - {name: subjectPointer, value: /enterpriseCode}
            """;

    @Test
    void anAsyncDeliveryIsAPostOperationWithItsOwnFlowAndQueues() {
        RouteFiles files = files("config/routes/n.yaml", NOTIFY + "      - {name: consumers, value: \"3\"}\n");

        assertThat(files.services()).containsExactly(new ServiceDescriptor("business-registry", "Enterprises",
                "bizreg", List.of(new ServiceDescriptor.Operation("notify", "business-registry.notify", "POST",
                "/api/v1/business-registry/notifications", null)), null));
        DeliveryFlow.Spec spec = AsyncDeliveryFlow.spec(files.templatedRoutes().get(0), RetryPolicy.defaults());
        assertThat(spec.name()).isEqualTo("business-registry.notify");
        assertThat(spec.routeId()).isEqualTo("business-registry.notify-deliver");
        assertThat(spec.connector()).isEqualTo("bizreg");
        assertThat(spec.consumers()).isEqualTo(3);
        assertThat(spec.queues()).isEqualTo(new DeliveryQueues("hub.routes.business-registry.notify.events",
                "hub.routes.business-registry.notify.parked", "hub.routes.business-registry.notify.dlq"));
        assertThat(AsyncDeliveryFlow.spec(files("n.yaml", NOTIFY).templatedRoutes().get(0), RetryPolicy.defaults())
                .consumers()).isEqualTo(2);
    }

    @Test
    void aLookupAndADeliveryOfOneServiceAreTwoOperations() {
        RouteFiles files = new RouteFiles(List.of(new RouteFiles.RouteFile("a.yaml", LOOKUP),
                new RouteFiles.RouteFile("b.yaml", NOTIFY)));

        assertThat(files.services()).hasSize(1);
        assertThat(files.services().get(0).operations()).extracting(ServiceDescriptor.Operation::accessRight)
                .containsExactly("business-registry.lookup", "business-registry.notify");
    }

    @Test
    void badAsyncDeliveryParametersNameFileAndLine() {
        assertThatThrownBy(() -> files("config/routes/n.yaml", NOTIFY.replace(
                "      - {name: subjectPointer, value: /enterpriseCode}\n", "")))
                .isInstanceOf(RouteFileException.class)
                .hasMessage("config/routes/n.yaml line 2: templatedRoute of hub-async-delivery lacks the parameter "
                        + "subjectPointer");
        assertThatThrownBy(() -> files("config/routes/n.yaml", NOTIFY.replace("/enterpriseCode", "enterpriseCode")))
                .isInstanceOf(RouteFileException.class)
                .hasMessage("config/routes/n.yaml line 2: subjectPointer 'enterpriseCode' must be a JSON pointer "
                        + "such as /enterpriseCode");
        assertThatThrownBy(() -> files("config/routes/n.yaml", NOTIFY + "      - {name: eventKeyPointer, value: x}\n"))
                .isInstanceOf(RouteFileException.class)
                .hasMessageStartingWith("config/routes/n.yaml line 2: eventKeyPointer 'x' must be a JSON pointer");
        assertThatThrownBy(() -> files("config/routes/n.yaml", NOTIFY.replace("/notifications",
                "/notifications/{code}")))
                .isInstanceOf(RouteFileException.class)
                .hasMessageStartingWith("config/routes/n.yaml line 2: path '/api/v1/business-registry/notifications/"
                        + "{code}' must start with /api/v1/ and hold only path segments, no {variables}");
        assertThatThrownBy(() -> files("config/routes/n.yaml", NOTIFY + "      - {name: consumers, value: \"0\"}\n"))
                .isInstanceOf(RouteFileException.class)
                .hasMessage("config/routes/n.yaml line 2: consumers must be a number from 1 to 99, not '0'");
        assertThatThrownBy(() -> files("config/routes/n.yaml", NOTIFY + "      - {name: method, value: GET}\n"))
                .isInstanceOf(RouteFileException.class)
                .hasMessageStartingWith("config/routes/n.yaml line 11: template hub-async-delivery has no parameter "
                        + "'method'");
        assertThatThrownBy(() -> files("config/routes/n.yaml", NOTIFY.replace("value: notify",
                "value: a-very-long-operation-name-indeed")))
                .isInstanceOf(RouteFileException.class)
                .hasMessageContaining("must be at most 40 characters");
    }
}

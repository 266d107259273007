package vn.lgsp.hub.app.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.lgsp.hub.app.HubApplication;

/** A hub started and stopped by the test itself, for tests that restart it over the same data. */
public final class HubInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private HubInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a hub on a random port with its journal and database under {@code data}. */
    public static HubInstance start(Path data, String portalUrl, String... extra) {
        // keyed by property, so that an extra argument replaces a default (Spring would join two values with a comma)
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("exchange-log") + ";WRITE_DELAY=0",
                "--spring.artemis.embedded.data-directory=" + data.resolve("artemis"),
                "--hub.connector.portal.base-url=" + portalUrl,
                "--hub.connector.portal.request-timeout=1s",
                "--hub.flow.dossier.retry.in-place-attempts=1",
                "--hub.flow.dossier.retry.first-delay=100ms",
                "--hub.flow.dossier.retry.max-delay=500ms",
                "--hub.flow.dossier.retry.max-attempts=1000")) {
            args.put(a.substring(0, a.indexOf('=')), a);
        }
        for (String a : extra) {
            args.put(a.substring(0, a.indexOf('=')), a);
        }
        return new HubInstance(new SpringApplicationBuilder(HubApplication.class)
                .run(args.values().toArray(String[]::new)));
    }

    public HubClient client() {
        return new HubClient("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}

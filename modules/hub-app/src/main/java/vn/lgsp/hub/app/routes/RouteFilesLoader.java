package vn.lgsp.hub.app.routes;

import org.apache.camel.CamelContext;
import java.util.Set;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the hub's route templates, then each route file through Camel's YAML DSL, before Camel starts. A file Camel
 * refuses (an unknown EIP, a misplaced key) stops the start-up with the file's name in front of Camel's message,
 * which gives the line; {@link RouteFiles} has already refused bad YAML and bad template parameters the same way.
 */
public class RouteFilesLoader implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RouteFilesLoader.class);

    private final RouteFiles files;
    private final RoutesBuilder templates;

    public RouteFilesLoader(RouteFiles files, RoutesBuilder templates) {
        this.files = files;
        this.templates = templates;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        load(camelContext, files, templates);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing: the routes start with the context
    }

    /** Adds the templates and the files to a context that has not started yet. */
    public static void load(CamelContext camel, RouteFiles files, RoutesBuilder templates) {
        try {
            camel.addRoutes(templates);
        } catch (Exception e) {
            throw new IllegalStateException("The hub's route templates cannot be added: " + e.getMessage(), e);
        }
        for (RouteFiles.RouteFile file : files.files()) {
            Resource resource = ResourceHelper.fromString(file.name(), file.text());
            ModelCamelContext model = (ModelCamelContext) camel;
            Set<RouteDefinition> before = Set.copyOf(model.getRouteDefinitions());
            try {
                PluginHelper.getRoutesLoader(camel).loadRoutes(resource);
            } catch (Exception e) {
                throw new RouteFileException(file.name() + ": " + message(e), e);
            }
            // the hub's error handling, not Camel's default per route: a file's own routes (the targets of the
            // templates) pass failures to the template that called them, which translates, records and counts them
            // once; the default handler would log each failure with its message history
            model.getRouteDefinitions().stream().filter(r -> !before.contains(r))
                    .filter(r -> r.getErrorHandler() == null && !Boolean.TRUE.equals(r.isTemplate()))
                    .forEach(r -> r.setErrorHandlerFactory(new NoErrorHandlerBuilder()));
            log.info("Route file {} loaded", file.name());
        }
    }

    /** Camel's own message, from the innermost exception that has one (it names the line). */
    private static String message(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
                if (!text.isEmpty()) {
                    text.append(": ");
                }
                text.append(t.getMessage().strip());
            }
        }
        return text.isEmpty() ? e.getClass().getSimpleName() : text.toString();
    }
}

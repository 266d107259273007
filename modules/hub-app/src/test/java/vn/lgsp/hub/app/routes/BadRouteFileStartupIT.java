package vn.lgsp.hub.app.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.app.support.HubInstance;

/**
 * The whole hub, not only the loader, refuses to start on a route file with a mistake, and says which file and line:
 * one check of what the loader's own tests (RouteFilesTest) show piece by piece.
 */
class BadRouteFileStartupIT {

    @TempDir
    Path data;

    @Test
    void aRouteFileWithAMistakeStopsTheStartUpNamingFileAndLine() throws Exception {
        Path routes = Files.createDirectories(data.resolve("routes"));
        Files.writeString(routes.resolve("land.yaml"), """
                # a lookup whose template name is misspelt
                - templatedRoute:
                    routeTemplateRef: hub-rest-lokup
                    parameters:
                      - {name: service, value: land-records}
                """);

        Throwable failure = catchThrowable(() -> HubInstance.start(data, "http://127.0.0.1:9",
                "--hub.routes.location=" + routes, "--hub.flow.intake.poll.enabled=false",
                "--hub.flow.document.poll.enabled=false").close());

        assertThat(failure).as("the hub started").isNotNull();
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof RouteFileException)) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(RouteFileException.class);
        assertThat(root.getMessage()).contains("land.yaml line 3").contains("hub-rest-lokup");
    }
}

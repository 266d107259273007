package vn.lgsp.hub.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.security.SecurityProperties;

/** Says where the hub listens once it is ready; in the embedded default, also the demo keys (they are public). */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment env;
    private final SecurityProperties security;

    StartupReport(Environment env, SecurityProperties security) {
        this.env = env;
        this.security = security;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("LGSP Hub ready: http://127.0.0.1:{}/api/v1  health: http://127.0.0.1:{}/actuator/health", port, port);
        if (security.demo().enabled()) {
            log.info("Demo API key (X-API-Key): {}   demo operator key: {}", security.demo().apiKey(),
                    security.demo().operatorKey());
        }
    }
}

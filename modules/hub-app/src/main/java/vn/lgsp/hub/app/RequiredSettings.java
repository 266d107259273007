package vn.lgsp.hub.app;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a setting listed in {@code hub.required-settings} is empty or an unresolved placeholder
 * (Spring leaves {@code ${HUB_PORTAL_PASSWORD}} as it is when the variable is not set). The production profile lists
 * its secrets there, so that a hub never runs with a missing secret.
 */
@Component
class RequiredSettings implements InitializingBean {

    private final Environment env;

    RequiredSettings(Environment env) {
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> required = Binder.get(env).bind("hub.required-settings", Bindable.listOf(String.class))
                .orElse(List.of());
        List<String> missing = new ArrayList<>();
        for (String key : required) {
            String raw;
            try {
                raw = env.getProperty(key);
            } catch (IllegalArgumentException unresolvable) {
                raw = null;
            }
            if (raw == null || raw.isBlank() || raw.contains("${")) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Required settings are missing: " + missing
                    + "; set them (in production, from the environment variables named in"
                    + " config/application-production.yml)");
        }
    }
}

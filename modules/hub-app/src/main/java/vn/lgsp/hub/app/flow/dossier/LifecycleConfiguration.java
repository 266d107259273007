package vn.lgsp.hub.app.flow.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lgsp.hub.core.lifecycle.DossierLifecycle;
import vn.lgsp.hub.core.lifecycle.DossierStatus;

/** Reads the dossier lifecycle table (data under {@code config/}) into the rule hub-core enforces. */
@Configuration(proxyBeanMethods = false)
public class LifecycleConfiguration {

    record Table(List<Integer> initial, List<Integer> terminal, Map<Integer, List<Integer>> transitions) {
    }

    @Bean
    DossierLifecycle dossierLifecycle(DossierFlowProperties props) throws IOException {
        try (InputStream in = props.lifecycleLocation().getInputStream()) {
            Table t = new ObjectMapper(new YAMLFactory()).readValue(in, Table.class);
            Map<DossierStatus, Set<DossierStatus>> allowed = new EnumMap<>(DossierStatus.class);
            t.transitions().forEach((from, to) -> allowed.put(status(from), statuses(to)));
            return new DossierLifecycle(statuses(t.initial()), statuses(t.terminal()), allowed);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the dossier lifecycle table at "
                    + props.lifecycleLocation().getDescription() + ": " + e.getMessage(), e);
        }
    }

    private static Set<DossierStatus> statuses(List<Integer> codes) {
        Set<DossierStatus> s = EnumSet.noneOf(DossierStatus.class);
        codes.forEach(c -> s.add(status(c)));
        return s;
    }

    private static DossierStatus status(int code) {
        return DossierStatus.fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown status " + code));
    }
}

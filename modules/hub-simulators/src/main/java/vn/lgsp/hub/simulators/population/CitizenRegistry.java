package vn.lgsp.hub.simulators.population;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The synthetic citizens, read once from {@code citizens.json}. Each citizen is an ordered map whose keys are the
 * {@code CongDan} elements of the WSDL in sequence order, nested maps for complex elements, so that it can be written
 * to XML as it stands.
 */
final class CitizenRegistry {

  static final String RESOURCE = "citizens.json";

  private final Map<String, Map<String, Object>> byPersonalId;
  private final Map<String, Map<String, Object>> byOldId;

  private CitizenRegistry(Map<String, Map<String, Object>> byPersonalId, Map<String, Map<String, Object>> byOldId) {
    this.byPersonalId = byPersonalId;
    this.byOldId = byOldId;
  }

  static CitizenRegistry load() {
    try (InputStream in = CitizenRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Map<?, ?> document = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
      Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
      Map<String, Map<String, Object>> byOld = new LinkedHashMap<>();
      for (Object entry : (List<?>) document.get("citizens")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> citizen = (Map<String, Object>) entry;
        byId.put((String) citizen.get("SoDinhDanh"), citizen);
        if (citizen.get("SoCMND") instanceof String oldId) {
          byOld.put(oldId, citizen);
        }
      }
      return new CitizenRegistry(Map.copyOf(byId), Map.copyOf(byOld));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** By personal ID, or for old records without one by the 9-digit identity card number. */
  Optional<Map<String, Object>> find(String personalId, String oldId) {
    if (personalId != null) {
      return Optional.ofNullable(byPersonalId.get(personalId.trim()));
    }
    return oldId == null ? Optional.empty() : Optional.ofNullable(byOldId.get(oldId.trim()));
  }

  java.util.Set<String> personalIds() {
    return byPersonalId.keySet();
  }

  int size() {
    return byPersonalId.size();
  }
}

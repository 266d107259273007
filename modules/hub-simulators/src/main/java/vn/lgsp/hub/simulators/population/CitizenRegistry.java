package vn.lgsp.hub.simulators.population;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The synthetic citizens: the hand-written ones of {@code citizens.json}, then {@link PopulationGenerator#COUNT}
 * generated from {@link PopulationGenerator#SEED}, built once at start-up. Each citizen is an ordered map whose keys
 * are the {@code CongDan} elements of the WSDL in sequence order, nested maps for complex elements, so that it can be
 * written to XML as it stands.
 */
public final class CitizenRegistry {

  static final String RESOURCE = "citizens.json";

  private final long seed;
  private final List<Map<String, Object>> handWritten;
  private final List<Map<String, Object>> generated;
  private final Map<String, Map<String, Object>> byPersonalId;
  private final Map<String, Map<String, Object>> byOldId;

  private CitizenRegistry(long seed, List<Map<String, Object>> handWritten, List<Map<String, Object>> generated,
      Map<String, Map<String, Object>> byPersonalId, Map<String, Map<String, Object>> byOldId) {
    this.seed = seed;
    this.handWritten = handWritten;
    this.generated = generated;
    this.byPersonalId = byPersonalId;
    this.byOldId = byOldId;
  }

  /** The population every simulator serves; the portal simulator draws its intake applicants from it too. */
  public static CitizenRegistry load() {
    return load(PopulationGenerator.SEED, PopulationGenerator.COUNT);
  }

  static CitizenRegistry load(long seed, int generatedCount) {
    List<Map<String, Object>> handWritten = readHandWritten();
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    Map<String, Map<String, Object>> byOld = new LinkedHashMap<>();
    handWritten.forEach(citizen -> index(citizen, byId, byOld));
    List<Map<String, Object>> generated =
        PopulationGenerator.generate(seed, generatedCount, Set.copyOf(byId.keySet()), Set.copyOf(byOld.keySet()));
    generated.forEach(citizen -> index(citizen, byId, byOld));
    return new CitizenRegistry(seed, List.copyOf(handWritten), List.copyOf(generated), Map.copyOf(byId),
        Map.copyOf(byOld));
  }

  private static void index(Map<String, Object> citizen, Map<String, Map<String, Object>> byId,
      Map<String, Map<String, Object>> byOld) {
    if (byId.put((String) citizen.get("SoDinhDanh"), citizen) != null) {
      throw new IllegalStateException("two citizens share a personal ID");
    }
    if (citizen.get("SoCMND") instanceof String oldId && byOld.put(oldId, citizen) != null) {
      throw new IllegalStateException("two citizens share an identity card number");
    }
  }

  private static List<Map<String, Object>> readHandWritten() {
    try (InputStream in = CitizenRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Map<?, ?> document = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
      List<Map<String, Object>> citizens = new ArrayList<>();
      for (Object entry : (List<?>) document.get("citizens")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> citizen = (Map<String, Object>) entry;
        citizens.add(citizen);
      }
      return citizens;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long seed() {
    return seed;
  }

  /** The citizens of {@code citizens.json}, in file order. */
  List<Map<String, Object>> handWritten() {
    return handWritten;
  }

  /** The generated citizens, in generation order (the same for the same seed). */
  public List<Map<String, Object>> generated() {
    return generated;
  }

  /** By personal ID, or for old records without one by the 9-digit identity card number. */
  Optional<Map<String, Object>> find(String personalId, String oldId) {
    if (personalId != null) {
      return Optional.ofNullable(byPersonalId.get(personalId.trim()));
    }
    return oldId == null ? Optional.empty() : Optional.ofNullable(byOldId.get(oldId.trim()));
  }

  Set<String> personalIds() {
    return byPersonalId.keySet();
  }

  int size() {
    return byPersonalId.size();
  }
}

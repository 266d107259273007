package vn.lgsp.hub.simulators.portal;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/**
 * Keeps WireMock from reading or writing {@code mappings/} under the working directory (its default
 * is {@code src/test/resources}), which would let another module's test stubs leak into the
 * simulator. Stubs added over the admin API live in memory only.
 */
public final class NoMappingFiles implements MappingsSource {

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    // nothing on disk to load
  }

  @Override
  public void save(List<StubMapping> stubMappings) {
    // in memory only
  }

  @Override
  public void save(StubMapping stubMapping) {
    // in memory only
  }

  @Override
  public void remove(StubMapping stubMapping) {
    // in memory only
  }

  @Override
  public void removeAll() {
    // in memory only
  }
}

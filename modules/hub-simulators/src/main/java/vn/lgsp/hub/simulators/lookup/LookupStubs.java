package vn.lgsp.hub.simulators.lookup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.regex.Pattern;

/**
 * The lookup endpoint, as a mappings-loader extension so that WireMock's {@code POST /__admin/reset} puts it back;
 * priority 10 lets a stub added over {@code /__admin/mappings} (or from a test) win.
 */
final class LookupStubs implements MappingsLoaderExtension {

  private final LookupContract contract;

  LookupStubs(LookupContract contract) {
    this.contract = contract;
  }

  @Override
  public String getName() {
    return "lgsp-" + contract.code() + "-stubs";
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    stubMappings.addMapping(get(urlPathMatching(Pattern.quote(contract.pathPrefix()) + "/[^/]*"))
        .withName(contract.code() + ": look up a record")
        .atPriority(10)
        .willReturn(aResponse().withTransformers(LookupTransformer.name(contract)))
        .build());
  }
}

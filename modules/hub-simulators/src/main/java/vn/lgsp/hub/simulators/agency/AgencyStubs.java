package vn.lgsp.hub.simulators.agency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * The push endpoint for any agency code, as a mappings-loader extension so that WireMock's {@code POST /__admin/reset}
 * puts it back; priority 10 lets a stub added over {@code /__admin/mappings} win.
 */
final class AgencyStubs implements MappingsLoaderExtension {

  @Override
  public String getName() {
    return "lgsp-agency-stubs";
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    stubMappings.addMapping(post(urlPathMatching("/agencies/[^/]+/documents"))
        .withName("agencies: push a document")
        .atPriority(10)
        .willReturn(aResponse().withTransformers(AgencyTransformer.NAME))
        .build());
  }
}

package vn.lgsp.hub.simulators.onestop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * Registers the intake endpoint as a mappings-loader extension, like the other simulators, so that WireMock's
 * {@code POST /__admin/reset} puts it back; priority 10 lets a stub added over {@code /__admin/mappings} win.
 */
final class OneStopStubs implements MappingsLoaderExtension {

  @Override
  public String getName() {
    return "lgsp-onestop-stubs";
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    stubMappings.addMapping(post(urlPathEqualTo(OneStopSimulator.DOSSIERS_PATH))
        .withName("onestop: intake dossiers")
        .atPriority(10)
        .willReturn(aResponse().withTransformers(OneStopTransformer.NAME))
        .build());
  }
}

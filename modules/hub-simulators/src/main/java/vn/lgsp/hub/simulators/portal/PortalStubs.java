package vn.lgsp.hub.simulators.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * Registers the portal's two endpoints. Loaded as a mappings-loader extension rather than with
 * {@code stubFor} so that WireMock's own {@code POST /__admin/reset} puts them back instead of
 * leaving a portal that answers 404.
 */
final class PortalStubs implements MappingsLoaderExtension {

  static final String NAME = "lgsp-portal-stubs";

  /**
   * Lower than WireMock's default (5), so that a stub someone adds through {@code /__admin/mappings}
   * for the same path takes precedence: the escape hatch for one-off scenarios.
   */
  static final int PRIORITY = 10;

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    stubMappings.addMapping(post(urlPathEqualTo(PortalSimulator.AUTH_PATH))
        .withName("portal: login")
        .atPriority(PRIORITY)
        .willReturn(aResponse().withTransformers(PortalAuthTransformer.NAME))
        .build());
    stubMappings.addMapping(post(urlPathEqualTo(PortalSimulator.API_PATH))
        .withName("portal: DongBoHoSoMC / CapNhatTienDoHoSoMC / LayDanhSachHoSoTrucTuyen")
        .atPriority(PRIORITY)
        .willReturn(aResponse().withTransformers(PortalApiTransformer.NAME))
        .build());
  }
}

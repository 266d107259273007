package vn.lgsp.hub.simulators.portal;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;

/** {@code POST /adapter/auth}: exchanges the configured credentials for a session token. */
final class PortalAuthTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "lgsp-portal-auth";

  private static final System.Logger LOG = System.getLogger(PortalAuthTransformer.class.getName());

  private final PortalState state;
  private final String username;
  private final String password;

  PortalAuthTransformer(PortalState state, String username, String password) {
    this.state = state;
    this.username = username;
    this.password = password;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Object body = PortalJson.parse(serveEvent.getRequest().getBody());
    if (body instanceof Map<?, ?> login
        && username.equals(login.get("username"))
        && password.equals(login.get("password"))) {
      LOG.log(System.Logger.Level.DEBUG, "portal login accepted");
      return PortalReplies.loggedIn(state.openSession());
    }
    LOG.log(System.Logger.Level.INFO, "portal login refused");
    return PortalReplies.loginRefused();
  }
}

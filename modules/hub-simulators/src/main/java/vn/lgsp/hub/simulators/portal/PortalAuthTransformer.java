package vn.lgsp.hub.simulators.portal;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Map;
import vn.lgsp.hub.simulators.SimulatorTransformer;

/** {@code POST /adapter/auth}: exchanges the configured credentials for a session token. */
final class PortalAuthTransformer extends SimulatorTransformer<PortalState> {

  static final String NAME = "lgsp-portal-auth";

  private final String username;
  private final String password;

  PortalAuthTransformer(PortalState state, String username, String password) {
    super(NAME, state);
    this.username = username;
    this.password = password;
  }

  @Override
  protected ResponseDefinition answer(LoggedRequest request) {
    Object body = PortalJson.parse(request.getBody());
    if (body instanceof Map<?, ?> login
        && username.equals(login.get("username"))
        && password.equals(login.get("password"))) {
      log.log(System.Logger.Level.DEBUG, "portal login accepted");
      return PortalReplies.loggedIn(state.openSession());
    }
    log.log(System.Logger.Level.INFO, "portal login refused");
    return PortalReplies.loginRefused();
  }
}

package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of the login call: {@code {"username", "password"}}. */
public record LoginRequest(
        @JsonProperty("username") String username,
        @JsonProperty("password") String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=****]";
    }
}

package vn.lgsp.hub.connector.docex.model;

import java.util.Optional;

/** Small numeric codes as senders write them: {@code 01}, {@code 1} and {@code " 1 "} are the same code. */
final class WireCodes {

    private WireCodes() {
    }

    static Optional<Integer> parse(String raw) {
        if (raw == null || !raw.strip().matches("\\d{1,3}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(raw.strip()));
    }
}

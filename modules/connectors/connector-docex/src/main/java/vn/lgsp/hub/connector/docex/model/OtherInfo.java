package vn.lgsp.hub.connector.docex.model;

import java.util.List;

/**
 * {@code OtherInfo}. {@code priority} runs from 0 upward to 3 (the meaning of each level was not found, so it is kept
 * as the number sent).
 */
public record OtherInfo(Integer priority, String sphereOfPromulgation, String typerNotation,
                        Integer promulgationAmount, Integer pageAmount, List<String> appendixes) {

    public OtherInfo {
        appendixes = List.copyOf(appendixes == null ? List.of() : appendixes);
    }
}

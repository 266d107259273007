package vn.lgsp.hub.core.error;

import java.util.List;

/** Input refused before anything was queued. The first violation gives the exception's code. */
public class ValidationException extends HubException {

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(violations.get(0).code(), violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public ValidationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}

package vn.lgsp.hub.app.ops;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.audit.chain.ChainVerification;
import vn.lgsp.hub.audit.chain.ChainVerifier;

/**
 * Operators: walks the exchange log's hash chain and reports the first broken link. Always 200 with {@code ok}
 * saying whether the chain holds, so that a report of tampering is not mistaken for the endpoint failing
 * ({@code scripts/verify-log} turns {@code ok: false} into a non-zero exit).
 */
@RestController
public class AuditVerifyController {

    private final ChainVerifier verifier;

    public AuditVerifyController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/v1/ops/audit/verify")
    public ChainVerification verify() {
        return verifier.verify();
    }
}

package vn.lgsp.hub.connector.onestop;

import java.util.Objects;
import vn.lgsp.hub.core.model.IdentityVerification;
import vn.lgsp.hub.core.model.IntakeDossier;

/**
 * What the hub hands to the one-stop-shop for one online-intake dossier: the body of
 * {@link OneStopRoutes#DELIVER_DOSSIER}, and also the JSON it posts ({@code {"dossier": …, "verification": …}}).
 *
 * @param dossier      the dossier as the portal submitted it, in the canonical model
 * @param verification what the population database said about the applicant
 */
public record OneStopDelivery(IntakeDossier dossier, IdentityVerification verification) {

    public OneStopDelivery {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(verification, "verification");
    }
}

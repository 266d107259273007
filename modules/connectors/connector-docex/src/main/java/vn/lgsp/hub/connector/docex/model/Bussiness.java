package vn.lgsp.hub.connector.docex.model;

import java.util.List;

/**
 * The {@code Bussiness} block of the trace header list (double "s", as in the standard): whether the package is a new
 * document, a revocation, an update or a replacement, and for what reason. {@code paper} is 1 when a paper copy is
 * also sent.
 */
public record Bussiness(BussinessDocType bussinessDocType, String bussinessDocReason, String documentId,
                        StaffInfo staffInfo, Integer paper, List<ReplacementInfo> replacementInfoList) {

    public Bussiness {
        replacementInfoList = List.copyOf(replacementInfoList == null ? List.of() : replacementInfoList);
    }
}

package vn.lgsp.hub.connector.docex.model;

import java.time.LocalDate;
import java.util.List;

/** The edXML {@code MessageHeader} (QCVN 102:2016 sections 1.1-1.14), in the order the standard writes it. */
public record MessageHeader(Organization from, List<Organization> to, DocumentCode code,
                            PromulgationInfo promulgationInfo, DocumentType documentType, String subject,
                            String content, SignerInfo signerInfo, LocalDate dueDate, List<String> toPlaces,
                            OtherInfo otherInfo, List<ResponseFor> responseFor, Integer steeringType,
                            String documentId) {

    public MessageHeader {
        to = List.copyOf(to == null ? List.of() : to);
        toPlaces = List.copyOf(toPlaces == null ? List.of() : toPlaces);
        responseFor = List.copyOf(responseFor == null ? List.of() : responseFor);
    }
}

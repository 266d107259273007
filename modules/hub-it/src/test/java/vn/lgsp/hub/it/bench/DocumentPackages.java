package vn.lgsp.hub.it.bench;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * edXML packages (QCVN 102:2016) for the document benchmark: an official letter with one attachment of a given size,
 * generated (pseudo-random bytes, fixed seed, so incompressible and the same every run), never stored. The attachment's
 * base64 (MIME lines of 76 characters) is built once per size and shared by every package of that size; each package
 * has its own header (document id), so that each one is a new document to the hub, not a repeat of the first.
 */
final class DocumentPackages {

    private static final String ATTACHMENT_ID = "ban-ve.bin";

    private final int megabytes;
    private final byte[] encoded;
    private final byte[] tail;

    /** @param megabytes the attachment's size before encoding, in MiB */
    DocumentPackages(int megabytes) {
        this.megabytes = megabytes;
        byte[] raw = new byte[megabytes * 1024 * 1024];
        new SplittableRandom(megabytes).nextBytes(raw);
        this.encoded = Base64.getMimeEncoder().encode(raw);
        this.tail = ("</edXML:ContentTransferEncoded></edXML:Attachment></edXML:AttachmentEncoded></edXML:edXML>")
                .getBytes(StandardCharsets.UTF_8);
    }

    int megabytes() {
        return megabytes;
    }

    /** The package as a request body of known length, from three arrays: its own head, the shared attachment, tail. */
    HttpRequest.BodyPublisher body(String documentId, String from, String to) {
        byte[] head = head(documentId, from, to);
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArrays(List.of(head, encoded, tail)), length(head));
    }

    /** The size in bytes of every package of this size (document ids of the same length). */
    long length(String documentId, String from, String to) {
        return length(head(documentId, from, to));
    }

    private long length(byte[] head) {
        return (long) head.length + encoded.length + tail.length;
    }

    /** A fresh document id of the sender, {@code OrganId,yyyy/MM/dd,number/notation}, 8 digits so all are as long. */
    static String documentId(String from, int number) {
        return from + ",2026/11/22," + String.format("%08d", number) + "/SXD-QLXD";
    }

    private static byte[] head(String documentId, String from, String to) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/"
                + "QCVN_102_2016\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><edXML:edXMLEnvelope>"
                + "<edXML:edXMLHeader><edXML:MessageHeader>"
                + "<edXML:From><edXML:OrganId>" + from + "</edXML:OrganId>"
                + "<edXML:OrganName>Sở Xây dựng tỉnh Thanh Hóa</edXML:OrganName></edXML:From>"
                + "<edXML:To><edXML:OrganId>" + to + "</edXML:OrganId><edXML:OrganName>Nơi nhận</edXML:OrganName>"
                + "</edXML:To>"
                + "<edXML:Code><edXML:CodeNumber>125</edXML:CodeNumber><edXML:CodeNotation>SXD-QLXD"
                + "</edXML:CodeNotation></edXML:Code>"
                + "<edXML:PromulgationInfo><edXML:Place>Thanh Hóa</edXML:Place>"
                + "<edXML:PromulgationDate>2026/11/22</edXML:PromulgationDate></edXML:PromulgationInfo>"
                + "<edXML:DocumentType><edXML:Type>18</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName>"
                + "</edXML:DocumentType>"
                + "<edXML:Subject>V/v hồ sơ thiết kế công trình (bản vẽ kèm theo)</edXML:Subject>"
                + "<edXML:SignerInfo><edXML:Competence>KT. GIÁM ĐỐC</edXML:Competence><edXML:Position>Phó Giám đốc"
                + "</edXML:Position><edXML:FullName>Lê Thị Hồng Nhung</edXML:FullName></edXML:SignerInfo>"
                + "<edXML:DueDate>2026/12/06</edXML:DueDate>"
                + "<edXML:DocumentId>" + documentId + "</edXML:DocumentId></edXML:MessageHeader>"
                + "<edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>" + from + "</edXML:OrganId>"
                + "<edXML:Timestamp>2026/11/22 09:15:00</edXML:Timestamp></edXML:TraceHeader>"
                + "<edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType>"
                + "<edXML:BussinessDocReason>Gửi mới</edXML:BussinessDocReason><edXML:DocumentId>" + documentId
                + "</edXML:DocumentId><edXML:Paper>0</edXML:Paper></edXML:Bussiness></edXML:TraceHeaderList>"
                + "</edXML:edXMLHeader><edXML:edXMLBody><edXML:edXMLManifest version=\"1.0\">"
                + "<edXML:Reference xlink:href=\"cid:" + ATTACHMENT_ID + "\"><edXML:Description>Bản vẽ thiết kế"
                + "</edXML:Description><edXML:AttachmentName>ban-ve.bin</edXML:AttachmentName>"
                + "<edXML:ContentType>application/octet-stream</edXML:ContentType><edXML:ContentId>" + ATTACHMENT_ID
                + "</edXML:ContentId></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody>"
                + "</edXML:edXMLEnvelope>"
                + "<edXML:AttachmentEncoded><edXML:Attachment><edXML:ContentType>application/octet-stream"
                + "</edXML:ContentType><edXML:ContentId>" + ATTACHMENT_ID + "</edXML:ContentId>"
                + "<edXML:AttachmentName>ban-ve.bin</edXML:AttachmentName><edXML:ContentTransferEncoded>")
                .getBytes(StandardCharsets.UTF_8);
    }
}

package vn.lgsp.hub.app.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Realistic edXML packages (QCVN 102:2016) for the hub's tests: official letters with attachments, and statuses. */
public final class EdxmlPackages {

    private static final AtomicInteger NUMBER = new AtomicInteger((int) (System.nanoTime() % 9000));

    private EdxmlPackages() {
    }

    /** A fresh document id of the sender, {@code OrganId,yyyy/MM/dd,number/notation}. */
    public static String newDocumentId(String from) {
        return from + ",2026/11/22," + NUMBER.incrementAndGet() + "/SXD-QLXD";
    }

    /** An official letter from {@code from} to each of {@code to}: a new document (BussinessDocType 0). */
    public static String letter(String documentId, String from, String... to) {
        return letter(documentId, 0, from, to);
    }

    /** @param businessDocType 0 new, 1 revoke, 2 update, 3 replace */
    public static String letter(String documentId, int businessDocType, String from, String... to) {
        return open(documentId, businessDocType, from, to) + attachment() + "</edXML:edXML>";
    }

    /** The same letter whose manifest names an attachment the package does not carry. */
    public static String letterMissingAttachment(String documentId, String from, String to) {
        return open(documentId, 0, from, to).replace("</edXML:edXMLManifest>",
                "<edXML:Reference xlink:href=\"cid:phu-luc.pdf\"><edXML:ContentId>phu-luc.pdf</edXML:ContentId>"
                        + "<edXML:AttachmentName>Phụ lục.pdf</edXML:AttachmentName></edXML:Reference>"
                        + "</edXML:edXMLManifest>") + attachment() + "</edXML:edXML>";
    }

    /** A status package {@code code} (two digits) from {@code from} about {@code documentId} of {@code originator}. */
    public static String status(String code, String from, String originator, String documentId, int minute) {
        return head() + "<edXML:Status>"
                + "<edXML:ResponseFor><edXML:OrganId>" + originator + "</edXML:OrganId><edXML:DocumentId>"
                + documentId + "</edXML:DocumentId></edXML:ResponseFor>"
                + "<edXML:From><edXML:OrganId>" + from + "</edXML:OrganId><edXML:OrganName>Nơi nhận</edXML:OrganName>"
                + "</edXML:From><edXML:StatusCode>" + code + "</edXML:StatusCode>"
                + "<edXML:Description>Trạng thái " + code + "</edXML:Description>"
                + "<edXML:Timestamp>2026/11/22 10:" + String.format("%02d", minute) + ":00</edXML:Timestamp>"
                + "<edXML:StaffInfo><edXML:Department>Văn thư</edXML:Department><edXML:Staff>Trần Thị Lan"
                + "</edXML:Staff></edXML:StaffInfo></edXML:Status>"
                + "</edXML:edXMLHeader><edXML:edXMLBody/></edXML:edXMLEnvelope></edXML:edXML>";
    }

    /**
     * A letter of about {@code megabytes} MB, its attachment generated while it is read, so that the test never holds
     * it whole either.
     */
    public static InputStream large(int megabytes, String documentId, String from, String to) {
        return largeParts(megabytes, documentId, from, to).stream();
    }

    /** The size in bytes of {@link #large} with the same arguments. */
    public static long largeLength(int megabytes, String documentId, String from, String to) {
        return largeParts(megabytes, documentId, from, to).length();
    }

    private record Parts(byte[] head, byte[] line, long lines, byte[] tail) {
        InputStream stream() {
            return new SequenceInputStream(Collections.enumeration(List.<InputStream>of(new ByteArrayInputStream(head),
                    new Repeated(line, lines), new ByteArrayInputStream(tail))));
        }

        long length() {
            return head.length + line.length * lines + tail.length;
        }
    }

    private static Parts largeParts(int megabytes, String documentId, String from, String to) {
        String letter = open(documentId, 0, from, to).replace("</edXML:edXMLManifest>",
                "<edXML:Reference xlink:href=\"cid:ban-ve.bin\"><edXML:ContentId>ban-ve.bin</edXML:ContentId>"
                        + "<edXML:AttachmentName>Bản vẽ.bin</edXML:AttachmentName></edXML:Reference>"
                        + "</edXML:edXMLManifest>");
        byte[] head = (letter + attachment() + "<edXML:AttachmentEncoded><edXML:Attachment>"
                + "<edXML:ContentId>ban-ve.bin</edXML:ContentId><edXML:ContentTransferEncoded>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</edXML:ContentTransferEncoded></edXML:Attachment></edXML:AttachmentEncoded></edXML:edXML>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[1024];
        Arrays.fill(line, (byte) 'Q');
        line[line.length - 1] = '\n';
        return new Parts(head, line, (long) megabytes * 1024, tail);
    }

    private static String open(String documentId, int businessDocType, String from, String... to) {
        StringBuilder recipients = new StringBuilder();
        for (String organId : to) {
            recipients.append("<edXML:To><edXML:OrganId>").append(organId)
                    .append("</edXML:OrganId><edXML:OrganName>Nơi nhận</edXML:OrganName></edXML:To>");
        }
        return head() + "<edXML:MessageHeader>"
                + "<edXML:From><edXML:OrganId>" + from + "</edXML:OrganId>"
                + "<edXML:OrganName>Sở Xây dựng tỉnh Thanh Hóa</edXML:OrganName></edXML:From>" + recipients
                + "<edXML:Code><edXML:CodeNumber>125</edXML:CodeNumber><edXML:CodeNotation>SXD-QLXD"
                + "</edXML:CodeNotation></edXML:Code>"
                + "<edXML:PromulgationInfo><edXML:Place>Thanh Hóa</edXML:Place>"
                + "<edXML:PromulgationDate>2026/11/22</edXML:PromulgationDate></edXML:PromulgationInfo>"
                + "<edXML:DocumentType><edXML:Type>18</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName>"
                + "</edXML:DocumentType>"
                + "<edXML:Subject>V/v báo cáo tình hình cấp giấy phép xây dựng quý IV năm 2026</edXML:Subject>"
                + "<edXML:SignerInfo><edXML:Competence>KT. GIÁM ĐỐC</edXML:Competence><edXML:Position>Phó Giám đốc"
                + "</edXML:Position><edXML:FullName>Lê Thị Hồng Nhung</edXML:FullName></edXML:SignerInfo>"
                + "<edXML:DueDate>2026/12/06</edXML:DueDate>"
                + "<edXML:DocumentId>" + documentId + "</edXML:DocumentId></edXML:MessageHeader>"
                + "<edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>" + from + "</edXML:OrganId>"
                + "<edXML:Timestamp>2026/11/22 09:15:00</edXML:Timestamp></edXML:TraceHeader>"
                + "<edXML:Bussiness><edXML:BussinessDocType>" + businessDocType + "</edXML:BussinessDocType>"
                + "<edXML:BussinessDocReason>" + (businessDocType == 1 ? "Thu hồi do sai sót" : "Gửi mới")
                + "</edXML:BussinessDocReason><edXML:DocumentId>" + documentId + "</edXML:DocumentId>"
                + "<edXML:Paper>0</edXML:Paper></edXML:Bussiness></edXML:TraceHeaderList>"
                + "</edXML:edXMLHeader><edXML:edXMLBody><edXML:edXMLManifest version=\"1.0\">"
                + "<edXML:Reference xlink:href=\"cid:cong-van.pdf\"><edXML:Description>Công văn (bản ký số)"
                + "</edXML:Description><edXML:AttachmentName>125-SXD-QLXD.pdf</edXML:AttachmentName>"
                + "<edXML:ContentType>application/pdf</edXML:ContentType><edXML:ContentId>cong-van.pdf"
                + "</edXML:ContentId></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody>"
                + "</edXML:edXMLEnvelope>";
    }

    private static String attachment() {
        String pdf = Base64.getMimeEncoder().encodeToString(
                "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nCông văn số 125/SXD-QLXD\n%%EOF\n"
                        .getBytes(StandardCharsets.UTF_8));
        return "<edXML:AttachmentEncoded><edXML:Attachment><edXML:ContentType>application/pdf</edXML:ContentType>"
                + "<edXML:ContentId>cong-van.pdf</edXML:ContentId><edXML:AttachmentName>125-SXD-QLXD.pdf"
                + "</edXML:AttachmentName><edXML:ContentTransferEncoded>" + pdf + "</edXML:ContentTransferEncoded>"
                + "</edXML:Attachment></edXML:AttachmentEncoded>";
    }

    private static String head() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/"
                + "QCVN_102_2016\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><edXML:edXMLEnvelope>"
                + "<edXML:edXMLHeader>";
    }

    /** {@code block} {@code times} over, produced as it is read. */
    private static final class Repeated extends InputStream {

        private final byte[] block;
        private long remaining;

        Repeated(byte[] block, long times) {
            this.block = block;
            this.remaining = block.length * times;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? block[(int) (remaining % block.length)] : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            for (int i = 0; i < count; i++) {
                into[offset + i] = block[(int) (--remaining % block.length)];
            }
            return count;
        }
    }
}

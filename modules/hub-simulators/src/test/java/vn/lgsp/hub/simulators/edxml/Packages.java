package vn.lgsp.hub.simulators.edxml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** edXML packages for the simulators' tests: an official letter, a status package, and a large one made as it is sent. */
public final class Packages {

  public static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

  private Packages() {
  }

  /** A letter from {@code from} to each of {@code to}, with document id {@code documentId}. */
  public static String edoc(String documentId, String from, String... to) {
    StringBuilder recipients = new StringBuilder();
    for (String organId : to) {
      recipients.append("<To><OrganId>").append(organId).append("</OrganId><OrganName>Nơi nhận</OrganName></To>");
    }
    return head() + "<edXML:MessageHeader><From><OrganId>" + from + "</OrganId><OrganName>Sở Xây dựng tỉnh Thanh Hóa"
        + "</OrganName></From>" + recipients
        + "<Subject>V/v cấp phép xây dựng nhà ở riêng lẻ của ông Nguyễn Văn An</Subject>"
        + "<SignerInfo><FullName>Lê Văn Bình</FullName></SignerInfo>"
        + "<ResponseFor><OrganId>000.00.00.G12</OrganId><DocumentId>000.00.00.G12,2026,77</DocumentId></ResponseFor>"
        + "<DocumentId>" + documentId + "</DocumentId></edXML:MessageHeader>"
        + "<edXML:TraceHeaderList><TraceHeader><OrganId>" + from + "</OrganId></TraceHeader>"
        + "<Bussiness><DocumentId>ignored</DocumentId></Bussiness></edXML:TraceHeaderList>"
        + "</edXML:edXMLHeader><edXML:edXMLBody/></edXML:edXMLEnvelope></edXML:edXML>";
  }

  /** A status package {@code code} from {@code from} about {@code documentId} of {@code originator}. */
  public static String status(String code, String from, String originator, String documentId) {
    return head() + "<edXML:Status><ResponseFor><OrganId>" + originator + "</OrganId><DocumentId>" + documentId
        + "</DocumentId></ResponseFor><From><OrganId>" + from + "</OrganId></From><StatusCode>" + code
        + "</StatusCode><Description>Đã tiếp nhận</Description></edXML:Status>"
        + "</edXML:edXMLHeader><edXML:edXMLBody/></edXML:edXMLEnvelope></edXML:edXML>";
  }

  /**
   * A letter of about {@code megabytes} MB whose attachment is generated while it is read, never held whole: as the
   * hub streams one from its attachment store.
   */
  public static HttpRequest.BodyPublisher large(int megabytes, String documentId, String from, String to) {
    String letter = edoc(documentId, from, to);
    int end = letter.lastIndexOf("</edXML:edXML>");
    byte[] head = (letter.substring(0, end) + "<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId>"
        + "<ContentTransferEncoded>").getBytes(StandardCharsets.UTF_8);
    byte[] tail = "</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML:edXML>"
        .getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[1000];
    Arrays.fill(line, (byte) 'Q');
    line[line.length - 1] = '\n';
    int lines = megabytes * 1000;
    return HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
        Collections.enumeration(List.<InputStream>of(new ByteArrayInputStream(head),
            new RepeatedStream(line, lines), new ByteArrayInputStream(tail)))));
  }

  /** {@code block} {@code times} over, produced as it is read. */
  private static final class RepeatedStream extends InputStream {

    private final byte[] block;
    private long remaining;

    RepeatedStream(byte[] block, int times) {
      this.block = block;
      this.remaining = (long) block.length * times;
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

  private static String head() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML:edXML xmlns:edXML=\"" + NS + "\">"
        + "<edXML:edXMLEnvelope><edXML:edXMLHeader>";
  }
}

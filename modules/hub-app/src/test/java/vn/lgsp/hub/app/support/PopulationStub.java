package vn.lgsp.hub.app.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * The population database's SOAP endpoint as a WireMock server, with the replies the connector's own tests use
 * (synthetic citizens only). WireMock itself is silenced: it would print unmatched requests whole, and the tests
 * check that the hub's log never holds a personal ID or a name.
 */
public final class PopulationStub {

    public static final String PATH = "/ws/population";
    public static final String ID = "038095123456";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().notifier(new Notifier() {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Throwable t) {
        }
    }));

    public void start() {
        server.start();
    }

    public String address() {
        return "http://127.0.0.1:" + server.port() + PATH;
    }

    public void reset() {
        server.resetAll();
    }

    /** Answers one operation (by SOAPAction, e.g. {@code XacThuc}, {@code TraCuu}) with a 200 SOAP reply. */
    public void answer(String soapAction, String xml) {
        server.stubFor(post(PATH).withHeader("SOAPAction", containing(soapAction))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withBody(xml)));
    }

    /** Answers one operation as {@link #answer} does, but only after {@code delay}: a slow population database. */
    public void answerAfter(String soapAction, String xml, java.time.Duration delay) {
        server.stubFor(post(PATH).withHeader("SOAPAction", containing(soapAction))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withBody(xml).withFixedDelay(Math.toIntExact(delay.toMillis()))));
    }

    public void stop() {
        server.stop();
    }

    /** Every call fails with this HTTP status and no body. */
    public void failWith(int status) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));
    }

    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    static final String CONG_DAN = """
            <dc:CongDan>
              <dc:SoDinhDanh>038095123456</dc:SoDinhDanh>
              <dc:SoCMND>173456789</dc:SoCMND>
              <dc:HoVaTen><dc:Ho>Nguyễn</dc:Ho><dc:ChuDem>Văn</dc:ChuDem><dc:Ten>An</dc:Ten></dc:HoVaTen>
              <dc:GioiTinh>1</dc:GioiTinh>
              <dc:DanToc>01</dc:DanToc>
              <dc:TonGiao>00</dc:TonGiao>
              <dc:TinhTrangHonNhan>2</dc:TinhTrangHonNhan>
              <dc:NhomMau>O</dc:NhomMau>
              <dc:NgayThangNamSinh><dc:Nam>1995</dc:Nam><dc:NgayThangNam>19950307</dc:NgayThangNam></dc:NgayThangNamSinh>
              <dc:NoiDangKyKhaiSinh><dc:MaTinhThanh>38</dc:MaTinhThanh><dc:MaQuanHuyen>380</dc:MaQuanHuyen><dc:MaPhuongXa>14758</dc:MaPhuongXa><dc:ChiTiet>Phường Điện Biên</dc:ChiTiet><dc:QuocGia>VN</dc:QuocGia></dc:NoiDangKyKhaiSinh>
              <dc:QueQuan><dc:MaTinhThanh>38</dc:MaTinhThanh><dc:MaQuanHuyen></dc:MaQuanHuyen><dc:MaPhuongXa>15001</dc:MaPhuongXa><dc:ChiTiet>Xã Hoằng Hóa</dc:ChiTiet><dc:QuocGia>VN</dc:QuocGia></dc:QueQuan>
              <dc:ThuongTru><dc:MaTinhThanh>38</dc:MaTinhThanh><dc:MaPhuongXa>14758</dc:MaPhuongXa><dc:ChiTiet>Số 12 phố Lê Lợi</dc:ChiTiet><dc:QuocGia>VN</dc:QuocGia></dc:ThuongTru>
              <dc:NoiOHienTai><dc:MaTinhThanh>01</dc:MaTinhThanh><dc:MaPhuongXa>00001</dc:MaPhuongXa><dc:ChiTiet>Số 1 Tràng Tiền</dc:ChiTiet><dc:QuocGia>VN</dc:QuocGia></dc:NoiOHienTai>
              <dc:QuocTich>VN</dc:QuocTich>
              <dc:Cha><dc:HoVaTen>Nguyễn Văn Bình</dc:HoVaTen><dc:QuocTich>VN</dc:QuocTich><dc:SoDinhDanh>038065000111</dc:SoDinhDanh></dc:Cha>
              <dc:Me><dc:HoVaTen>Lê Thị Cúc</dc:HoVaTen><dc:QuocTich>VN</dc:QuocTich><dc:SoCMND>171234567</dc:SoCMND></dc:Me>
              <dc:ChuHo><dc:QuanHe>Con</dc:QuanHe><dc:SoDinhDanh>038065000111</dc:SoDinhDanh><dc:HoVaTen>Nguyễn Văn Bình</dc:HoVaTen></dc:ChuHo>
              <dc:SoSoHoKhau>HK-0381234</dc:SoSoHoKhau>
            </dc:CongDan>
            """;

    static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    /** The citizen exists; the database sends the record (Nguyễn Văn An, born 1995-03-07). */
    public static String verified() {
        return envelope("<dc:KetQuaXacThucResponse xmlns:dc=\"http://www.mic.gov.vn/dancu/1.0\">"
                + "<dc:TonTai>true</dc:TonTai>" + CONG_DAN + "</dc:KetQuaXacThucResponse>");
    }

    public static String notVerified() {
        return envelope("<dc:KetQuaXacThucResponse xmlns:dc=\"http://www.mic.gov.vn/dancu/1.0\">"
                + "<dc:TonTai>false</dc:TonTai></dc:KetQuaXacThucResponse>");
    }

    public static String lookedUp() {
        return envelope("<dc:CongdanCollection xmlns:dc=\"http://www.mic.gov.vn/dancu/1.0\" id=\"c1\">"
                + CONG_DAN + "</dc:CongdanCollection>");
    }

    public static String nobody() {
        return envelope("<dc:CongdanCollection xmlns:dc=\"http://www.mic.gov.vn/dancu/1.0\" id=\"c1\"/>");
    }
}

package vn.lgsp.hub.connector.population;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.camel.ProducerTemplate;
import vn.lgsp.hub.core.ids.PersonalId;

/** Synthetic citizens and SOAP replies as the population database sends them. */
final class SampleReplies {

    static final String ID = "038095123456";

    private SampleReplies() {
    }

    /**
     * The first call through a fresh CXF client loads and initialises much (JAXB, HTTP client) and can take
     * seconds on a busy build machine; one healthy call per operation keeps that out of the timed tests. That first
     * call may itself outlast the operation's timeout (or meet a breaker it opened), so each is tried until one
     * gets through; the tests reset the breakers afterwards.
     */
    static void warmUp(ProducerTemplate template, WireMockServer population, String path) {
        population.stubFor(post(path).withHeader("SOAPAction", containing("XacThuc"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(verified())));
        population.stubFor(post(path).withHeader("SOAPAction", containing("TraCuu"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(lookedUp())));
        for (String operation : new String[] {PopulationRoutes.VERIFY, PopulationRoutes.LOOKUP}) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> template.requestBody(operation, request()) != null);
        }
        population.resetAll();
    }

    static PopulationRequest request() {
        return new PopulationRequest(PersonalId.parse(ID), "Nguyễn Văn An", LocalDate.of(1995, 3, 7), "1.004616",
                "000.00.14.H56-261122-0001", "canbo01", "req-0001");
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

    static String verified() {
        return envelope("<dc:KetQuaXacThucResponse xmlns:dc=\"http://www.mic.gov.vn/dancu/1.0\">"
                + "<dc:TonTai>true</dc:TonTai>" + CONG_DAN + "</dc:KetQuaXacThucResponse>");
    }

    static String notVerified() {
        return envelope("<dc:KetQuaXacThucResponse xmlns:dc=\"http://www.mic.gov.vn/dancu/1.0\">"
                + "<dc:TonTai>false</dc:TonTai></dc:KetQuaXacThucResponse>");
    }

    static String verdictMissing() {
        return envelope("<dc:KetQuaXacThucResponse xmlns:dc=\"http://www.mic.gov.vn/dancu/1.0\"/>");
    }

    static String lookedUp() {
        return envelope("<dc:CongdanCollection xmlns:dc=\"http://www.mic.gov.vn/dancu/1.0\" id=\"c1\">"
                + CONG_DAN + "</dc:CongdanCollection>");
    }

    static String refusal() {
        return envelope("<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Từ chối</faultstring>"
                + "<detail><bca:LoiDichVu xmlns:bca=\"http://dancuquocgia.bca\"><bca:MaLoi>E403</bca:MaLoi>"
                + "<bca:MoTa>Thu tuc khong duoc phep tra cuu</bca:MoTa></bca:LoiDichVu></detail></soap:Fault>");
    }

    static String serverFault() {
        return envelope("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Internal error</faultstring>"
                + "</soap:Fault>");
    }
}

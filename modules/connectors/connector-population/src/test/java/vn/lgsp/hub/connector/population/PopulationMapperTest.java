package vn.lgsp.hub.connector.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.connector.population.wire.bca.YeuCauCongDan;
import vn.lgsp.hub.connector.population.wire.dancu.ChuHo;
import vn.lgsp.hub.connector.population.wire.dancu.CongDan;
import vn.lgsp.hub.connector.population.wire.dancu.CongdanCollection;
import vn.lgsp.hub.connector.population.wire.dancu.DiaChi;
import vn.lgsp.hub.connector.population.wire.dancu.HoVaTen;
import vn.lgsp.hub.connector.population.wire.dancu.KetQuaXacThucResponse;
import vn.lgsp.hub.connector.population.wire.dancu.NgayThangNamSinh;
import vn.lgsp.hub.connector.population.wire.dancu.NguoiThan;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

class PopulationMapperTest {

    private final PopulationMapper mapper = new PopulationMapper("037");

    static CongDan congDan() {
        CongDan c = new CongDan();
        c.setSoDinhDanh("038095123456");
        c.setSoCMND("173456789");
        HoVaTen name = new HoVaTen();
        name.setHo("Nguyễn");
        name.setChuDem("Văn");
        name.setTen("An");
        c.setHoVaTen(name);
        c.setGioiTinh("1");
        c.setDanToc("01");
        c.setTonGiao("00");
        c.setTinhTrangHonNhan("2");
        c.setNhomMau("O");
        NgayThangNamSinh birth = new NgayThangNamSinh();
        birth.setNam("1995");
        birth.setNgayThangNam("19950307");
        c.setNgayThangNamSinh(birth);
        c.setNoiDangKyKhaiSinh(address("38", "380", "14758", "Phường Điện Biên"));
        c.setQueQuan(address("38", "", "15001", "Xã Hoằng Hóa"));
        c.setThuongTru(address("38", null, "14758", "Số 12 phố Lê Lợi"));
        c.setNoiOHienTai(address("01", null, "00001", "Số 1 Tràng Tiền"));
        c.setQuocTich("VN");
        c.setCha(relative("Nguyễn Văn Bình", "038065000111", null));
        c.setMe(relative("Lê Thị Cúc", null, "171234567"));
        c.setVoChong(relative("Trần Thị Dung", "038197000222", null));
        c.setNguoiDaiDien(relative("Nguyễn Văn Bình", "038065000111", null));
        ChuHo head = new ChuHo();
        head.setQuanHe("Con");
        head.setSoDinhDanh("038065000111");
        head.setHoVaTen("Nguyễn Văn Bình");
        c.setChuHo(head);
        c.setSoSoHoKhau("HK-0381234");
        return c;
    }

    private static DiaChi address(String province, String district, String commune, String detail) {
        DiaChi a = new DiaChi();
        a.setMaTinhThanh(province);
        a.setMaQuanHuyen(district);
        a.setMaPhuongXa(commune);
        a.setChiTiet(detail);
        a.setQuocGia("VN");
        return a;
    }

    private static NguoiThan relative(String name, String id, String oldId) {
        NguoiThan r = new NguoiThan();
        r.setHoVaTen(name);
        r.setQuocTich("VN");
        r.setSoDinhDanh(id);
        r.setSoCMND(oldId);
        return r;
    }

    @Test
    void mapsEveryFieldOfACitizen() {
        CitizenRecord c = mapper.toCitizen(congDan());

        assertThat(c.personalId()).isEqualTo("038095123456");
        assertThat(c.oldIdNumber()).isEqualTo("173456789");
        assertThat(c.familyName()).isEqualTo("Nguyễn");
        assertThat(c.middleName()).isEqualTo("Văn");
        assertThat(c.givenName()).isEqualTo("An");
        assertThat(c.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(c.sex()).isEqualTo("1");
        assertThat(c.birthYear()).isEqualTo(1995);
        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1995, 3, 7));
        assertThat(c.ethnicity()).isEqualTo("01");
        assertThat(c.religion()).isEqualTo("00");
        assertThat(c.maritalStatus()).isEqualTo("2");
        assertThat(c.bloodGroup()).isEqualTo("O");
        assertThat(c.nationality()).isEqualTo("VN");
        assertThat(c.birthRegistrationPlace()).isEqualTo(
                new CitizenRecord.Address("38", "380", "14758", "Phường Điện Biên", "VN"));
        assertThat(c.hometown().districtCode()).as("an empty element reads as absent").isNull();
        assertThat(c.permanentResidence().detail()).isEqualTo("Số 12 phố Lê Lợi");
        assertThat(c.currentResidence().provinceCode()).isEqualTo("01");
        assertThat(c.father()).isEqualTo(new CitizenRecord.Relative("Nguyễn Văn Bình", "VN", "038065000111", null));
        assertThat(c.mother().oldIdNumber()).isEqualTo("171234567");
        assertThat(c.spouse().personalId()).isEqualTo("038197000222");
        assertThat(c.representative().fullName()).isEqualTo("Nguyễn Văn Bình");
        assertThat(c.householdHead()).isEqualTo(
                new CitizenRecord.HouseholdHead("Con", "038065000111", null, "Nguyễn Văn Bình"));
        assertThat(c.householdBookNumber()).isEqualTo("HK-0381234");
    }

    @Test
    void toStringGivesNobodyAway() {
        String text = mapper.toCitizen(congDan()).toString() + SampleReplies.request();

        assertThat(text).doesNotContain("038095123456", "Nguyễn", "Văn An", "1995-03-07", "19950307")
                .contains("038*****3456");
    }

    @Test
    void keepsTheYearOfAPlaceholderDate() {
        CongDan c = congDan();
        c.getNgayThangNamSinh().setNam(null);
        c.getNgayThangNamSinh().setNgayThangNam("19500000");

        CitizenRecord record = mapper.toCitizen(c);

        assertThat(record.birthDate()).isNull();
        assertThat(record.birthYear()).isEqualTo(1950);
    }

    @Test
    void mapsAMinimalCitizen() {
        CitizenRecord record = mapper.toCitizen(new CongDan());

        assertThat(record.personalId()).isNull();
        assertThat(record.fullName()).isEmpty();
        assertThat(record.birthYear()).isNull();
        assertThat(record.permanentResidence()).isNull();
    }

    @Test
    void verificationWithAndWithoutMatch() {
        KetQuaXacThucResponse yes = new KetQuaXacThucResponse();
        yes.setTonTai(true);
        yes.setCongDan(congDan());
        KetQuaXacThucResponse no = new KetQuaXacThucResponse();
        no.setTonTai(false);

        assertThat(mapper.toVerification(yes).exists()).isTrue();
        assertThat(mapper.toVerification(yes).matched().givenName()).isEqualTo("An");
        assertThat(mapper.toVerification(no)).isEqualTo(new VerificationResult(false, null));
    }

    @Test
    void aVerificationWithoutVerdictIsMalformed() {
        assertThatThrownBy(() -> mapper.toVerification(new KetQuaXacThucResponse()))
                .isInstanceOf(HubException.class)
                .extracting(e -> ((HubException) e).errorCode()).isEqualTo(ErrorCode.POPULATION_MALFORMED_REPLY);
        assertThatThrownBy(() -> mapper.toVerification(null))
                .extracting(e -> ((HubException) e).errorCode()).isEqualTo(ErrorCode.POPULATION_MALFORMED_REPLY);
        assertThatThrownBy(() -> mapper.toLookup(null))
                .extracting(e -> ((HubException) e).errorCode()).isEqualTo(ErrorCode.POPULATION_MALFORMED_REPLY);
    }

    @Test
    void lookupMapsEachCitizen() {
        CongdanCollection collection = new CongdanCollection();
        collection.getCongDan().add(congDan());

        assertThat(mapper.toLookup(collection).citizens()).hasSize(1);
        assertThat(mapper.toLookup(new CongdanCollection()).found()).isFalse();
    }

    @Test
    void requestCarriesThePurposeTheOfficerAndTheIntegrationCode() {
        YeuCauCongDan wire = mapper.toWire(SampleReplies.request());

        assertThat(wire.getMaYeuCau()).isEqualTo("req-0001");
        assertThat(wire.getMaDVC()).isEqualTo("1.004616");
        assertThat(wire.getMaTichHop()).isEqualTo("037");
        assertThat(wire.getMaCanBo()).isEqualTo("canbo01");
        assertThat(wire.getSoDinhDanh()).isEqualTo("038095123456");
        assertThat(wire.getSoCMND()).isNull();
        assertThat(wire.getHoVaTen()).isEqualTo("Nguyễn Văn An");
        assertThat(wire.getNgayThangNamSinh()).isEqualTo("19950307");
    }

    @Test
    void aRequestWithoutPurposeOrOfficerIsRefused() {
        var id = SampleReplies.request().personalId();
        assertThatThrownBy(() -> new PopulationRequest(id, null, null, " ", "D-1", "canbo01", "r1"))
                .extracting(e -> ((HubException) e).errorCode()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThatThrownBy(() -> new PopulationRequest(id, null, null, "1.004616", "D-1", null, "r1"))
                .extracting(e -> ((HubException) e).errorCode()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThatThrownBy(() -> new PopulationRequest(id, null, null, "1.004616", null, "canbo01", "r1"))
                .extracting(e -> ((HubException) e).errorCode()).isEqualTo(ErrorCode.MISSING_FIELD);
    }
}

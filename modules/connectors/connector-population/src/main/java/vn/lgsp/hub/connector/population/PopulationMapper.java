package vn.lgsp.hub.connector.population;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.lgsp.hub.connector.population.wire.bca.YeuCauCongDan;
import vn.lgsp.hub.connector.population.wire.dancu.ChuHo;
import vn.lgsp.hub.connector.population.wire.dancu.CongDan;
import vn.lgsp.hub.connector.population.wire.dancu.CongdanCollection;
import vn.lgsp.hub.connector.population.wire.dancu.DiaChi;
import vn.lgsp.hub.connector.population.wire.dancu.HoVaTen;
import vn.lgsp.hub.connector.population.wire.dancu.KetQuaXacThucResponse;
import vn.lgsp.hub.connector.population.wire.dancu.NgayThangNamSinh;
import vn.lgsp.hub.connector.population.wire.dancu.NguoiThan;

/** Maps between the hub's records and the generated wire types. Pure: no I/O, no state beyond configuration. */
public class PopulationMapper {

    /** yyyyMMdd, the database's date format. */
    static final DateTimeFormatter WIRE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String integrationCode;

    public PopulationMapper(String integrationCode) {
        this.integrationCode = integrationCode == null ? "" : integrationCode;
    }

    public YeuCauCongDan toWire(PopulationRequest request) {
        YeuCauCongDan wire = new YeuCauCongDan();
        wire.setMaYeuCau(request.requestId());
        wire.setMaDVC(request.procedureCode());
        wire.setMaTichHop(integrationCode);
        wire.setMaCanBo(request.officerId());
        wire.setSoDinhDanh(request.personalId().value());
        wire.setHoVaTen(request.fullName());
        wire.setNgayThangNamSinh(request.birthDate() == null ? null : WIRE_DATE.format(request.birthDate()));
        return wire;
    }

    /** @throws PopulationException malformed reply when there is no reply or it does not say yes or no */
    public VerificationResult toVerification(KetQuaXacThucResponse reply) {
        if (reply == null) {
            throw PopulationException.malformed("XacThucThongTinCongDan: empty reply");
        }
        if (reply.isTonTai() == null) {
            throw PopulationException.malformed("XacThucThongTinCongDan: reply without TonTai");
        }
        boolean exists = reply.isTonTai();
        return new VerificationResult(exists, exists && reply.getCongDan() != null ? toCitizen(reply.getCongDan()) : null);
    }

    /** @throws PopulationException malformed reply when there is no reply at all */
    public LookupResult toLookup(CongdanCollection reply) {
        if (reply == null) {
            throw PopulationException.malformed("TraCuuThongTinCongDan: empty reply");
        }
        List<CitizenRecord> citizens = new ArrayList<>();
        for (CongDan congDan : reply.getCongDan()) {
            if (congDan != null) {
                citizens.add(toCitizen(congDan));
            }
        }
        return new LookupResult(citizens);
    }

    public CitizenRecord toCitizen(CongDan c) {
        HoVaTen name = c.getHoVaTen();
        NgayThangNamSinh birth = c.getNgayThangNamSinh();
        LocalDate birthDate = birth == null ? null : parseDate(birth.getNgayThangNam());
        Integer birthYear = birthDate != null ? Integer.valueOf(birthDate.getYear())
                : birth == null ? null : parseYear(birth.getNam(), birth.getNgayThangNam());
        return new CitizenRecord(
                text(c.getSoDinhDanh()),
                text(c.getSoCMND()),
                name == null ? null : text(name.getHo()),
                name == null ? null : text(name.getChuDem()),
                name == null ? null : text(name.getTen()),
                text(c.getGioiTinh()),
                birthYear,
                birthDate,
                text(c.getDanToc()),
                text(c.getTonGiao()),
                text(c.getTinhTrangHonNhan()),
                text(c.getNhomMau()),
                text(c.getQuocTich()),
                address(c.getNoiDangKyKhaiSinh()),
                address(c.getQueQuan()),
                address(c.getThuongTru()),
                address(c.getNoiOHienTai()),
                relative(c.getCha()),
                relative(c.getMe()),
                relative(c.getVoChong()),
                relative(c.getNguoiDaiDien()),
                householdHead(c.getChuHo()),
                text(c.getSoSoHoKhau()));
    }

    private static CitizenRecord.Address address(DiaChi a) {
        if (a == null) {
            return null;
        }
        return new CitizenRecord.Address(text(a.getMaTinhThanh()), text(a.getMaQuanHuyen()),
                text(a.getMaPhuongXa()), text(a.getChiTiet()), text(a.getQuocGia()));
    }

    private static CitizenRecord.Relative relative(NguoiThan r) {
        if (r == null) {
            return null;
        }
        return new CitizenRecord.Relative(text(r.getHoVaTen()), text(r.getQuocTich()), text(r.getSoDinhDanh()),
                text(r.getSoCMND()));
    }

    private static CitizenRecord.HouseholdHead householdHead(ChuHo h) {
        if (h == null) {
            return null;
        }
        return new CitizenRecord.HouseholdHead(text(h.getQuanHe()), text(h.getSoDinhDanh()), text(h.getSoCMND()),
                text(h.getHoVaTen()));
    }

    /** Older records carry placeholder dates such as 19500000; those keep their year and lose the day. */
    private static LocalDate parseDate(String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, WIRE_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer parseYear(String year, String date) {
        String y = text(year);
        if (y == null) {
            String d = text(date);
            y = d != null && d.length() >= 4 ? d.substring(0, 4) : null;
        }
        if (y == null || !y.matches("\\d{4}")) {
            return null;
        }
        return Integer.valueOf(y);
    }

    /** Blank means absent: the database sends empty elements for unknown values. */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}

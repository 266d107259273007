package vn.lgsp.hub.connector.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.connector.business.wire.DkdnEnterprise;

class EnterpriseMapperTest {

    @Test
    void aCodeTheHubDoesNotKnowIsPassedOnAsItCame() {
        Enterprise e = EnterpriseMapper.toEnterprise(new DkdnEnterprise("2800123456", "HỢP TÁC XÃ A", " ",
                "HOP_TAC_XA", "CHO_XU_LY", LocalDate.of(2020, 1, 2), null, "Lê Văn Bình", BigDecimal.ONE));

        assertThat(e.type()).isEqualTo("HOP_TAC_XA");
        assertThat(e.status()).isEqualTo("CHO_XU_LY");
        assertThat(e.shortName()).isNull();
        assertThat(e.toString()).contains("L*** V*** B***").doesNotContain("Bình");
    }
}

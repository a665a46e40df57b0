package se.portvakt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    static final SealedRow ROW = new SealedRow(
            42,
            Instant.parse("2026-11-23T10:15:30.123456Z"),
            "staff:x",
            "guest.admitted",
            "p",
            UUID.fromString("7d3f9e0c-4a1b-4f7e-9a51-2f0c1d2e3f40"),
            null,
            "BANKID",
            "LOA3",
            false,
            "{\"n\":\"1\"}",
            null,
            null,
            false,
            null,
            null);

    @Test
    void theLinkIsSha256OverLengthPrefixedFieldsInTheDocumentedOrder() {
        String text = "64:" + ChainHash.GENESIS + "\n1:1\n7:service\n2:42\n16:1795428930123456\n7:staff:x\n"
                + "14:guest.admitted\n1:p\n36:7d3f9e0c-4a1b-4f7e-9a51-2f0c1d2e3f40\n-\n6:BANKID\n4:LOA3\n5:false\n"
                + "64:" + ChainHash.sha256Hex("{\"n\":\"1\"}") + "\n-\n";
        assertThat(ChainHash.link(ChainHash.GENESIS, 1, "service", ROW)).isEqualTo(ChainHash.sha256Hex(text));
    }

    @Test
    void everyFieldAndThePlaceChangeTheLink() {
        String link = ChainHash.link(ChainHash.GENESIS, 1, "service", ROW);
        assertThat(ChainHash.link(ChainHash.GENESIS, 2, "service", ROW)).isNotEqualTo(link);
        assertThat(ChainHash.link("1".repeat(64), 1, "service", ROW)).isNotEqualTo(link);
        SealedRow simulated = new SealedRow(
                42,
                ROW.occurredAt(),
                "staff:x",
                "guest.admitted",
                "p",
                ROW.meetingId(),
                null,
                "BANKID",
                "LOA3",
                true,
                ROW.detail(),
                null,
                null,
                false,
                null,
                null);
        assertThat(ChainHash.link(ChainHash.GENESIS, 1, "service", simulated)).isNotEqualTo(link);
        // an empty value and a missing one are told apart
        SealedRow emptySubject = new SealedRow(
                42,
                ROW.occurredAt(),
                "staff:x",
                "guest.admitted",
                "",
                ROW.meetingId(),
                null,
                "BANKID",
                "LOA3",
                false,
                ROW.detail(),
                null,
                null,
                false,
                null,
                null);
        SealedRow noSubject = new SealedRow(
                42,
                ROW.occurredAt(),
                "staff:x",
                "guest.admitted",
                null,
                ROW.meetingId(),
                null,
                "BANKID",
                "LOA3",
                false,
                ROW.detail(),
                null,
                null,
                false,
                null,
                null);
        assertThat(ChainHash.link(ChainHash.GENESIS, 1, "service", emptySubject))
                .isNotEqualTo(ChainHash.link(ChainHash.GENESIS, 1, "service", noSubject));
    }

    @Test
    void csvFieldsAreQuotedAndFormulasDefused() {
        assertThat(AuditExport.csvField(null)).isEmpty();
        assertThat(AuditExport.csvField("{\"a\":\"b,c\"}")).isEqualTo("\"{\"\"a\"\":\"\"b,c\"\"}\"");
        assertThat(AuditExport.csvField("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(AuditExport.csvField(-5)).isEqualTo("-5");
    }
}

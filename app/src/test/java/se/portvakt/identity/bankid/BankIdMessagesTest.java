package se.portvakt.identity.bankid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hint code and error tables of docs/bankid.md, which follow BankID's RP guidelines. */
class BankIdMessagesTest {

    @ParameterizedTest(name = "pending {0}: QR {1}, this device {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "outstandingTransaction, bankid.rfa1,  bankid.rfa13",
                "noClient,               bankid.rfa1,  bankid.rfa13",
                "started,                bankid.rfa15, bankid.rfa15",
                "userMrtd,               bankid.rfa23, bankid.rfa23",
                "userCallConfirm,        bankid.rfa21, bankid.rfa21",
                "userSign,               bankid.rfa9,  bankid.rfa9",
                "someFutureCode,         bankid.rfa21, bankid.rfa21",
                "null,                   bankid.rfa21, bankid.rfa21"
            })
    void pendingHintCodes(String hintCode, String withQr, String onThisDevice) {
        assertThat(BankIdMessages.pending(hintCode, true)).isEqualTo(withQr);
        assertThat(BankIdMessages.pending(hintCode, false)).isEqualTo(onThisDevice);
    }

    @ParameterizedTest(name = "failed {0}: QR {1}, this device {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "expiredTransaction, bankid.rfa8,   bankid.rfa8",
                "certificateErr,     bankid.rfa16,  bankid.rfa16",
                "userCancel,         bankid.rfa6,   bankid.rfa6",
                "cancelled,          bankid.rfa3,   bankid.rfa3",
                "startFailed,        bankid.rfa17b, bankid.rfa17a",
                "userDeclinedCall,   bankid.rfa22,  bankid.rfa22",
                "someFutureCode,     bankid.rfa22,  bankid.rfa22",
                "null,               bankid.rfa22,  bankid.rfa22"
            })
    void failedHintCodes(String hintCode, String withQr, String onThisDevice) {
        assertThat(BankIdMessages.failed(hintCode, true)).isEqualTo(withQr);
        assertThat(BankIdMessages.failed(hintCode, false)).isEqualTo(onThisDevice);
    }

    @ParameterizedTest(name = "HTTP {0} {1}: {2}, our fault {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "400, alreadyInProgress,    bankid.rfa4,  false",
                "400, invalidParameters,    bankid.rfa22, true",
                "401, unauthorized,         bankid.rfa22, true",
                "403, unauthorized,         bankid.rfa22, true",
                "404, notFound,             bankid.rfa22, true",
                "405, null,                 bankid.rfa22, true",
                "408, requestTimeout,       bankid.rfa5,  false",
                "415, unsupportedMediaType, bankid.rfa22, true",
                "500, internalError,        bankid.rfa5,  false",
                "503, maintenance,          bankid.rfa5,  false",
                "502, null,                 bankid.rfa5,  false",
                "0,   null,                 bankid.rfa5,  false"
            })
    void httpErrors(int status, String errorCode, String key, boolean ourFault) {
        BankIdException error = new BankIdException(status, errorCode, "details");
        assertThat(BankIdMessages.forError(error)).isEqualTo(key);
        assertThat(BankIdMessages.isOurFault(error)).isEqualTo(ourFault);
    }

    /** English and Finnish have the same keys, none blank: config.I18nBundlesTest. */
    @Test
    void everyKeyHasATextAndTheBundleHasNoStrayKeys() throws IOException {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("i18n/bankid.properties"), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        assertThat(texts.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(BankIdMessages.ALL);
    }

    @ParameterizedTest
    @CsvSource({
        "i18n/bankid.properties,    bankid.rfa1,  Starta BankID-appen.",
        "i18n/bankid.properties,    bankid.rfa22, Okänt fel. Försök igen.",
        "i18n/bankid_en.properties, bankid.rfa4,  An identification or signing for this personal number is already started. Please try again.",
        "i18n/bankid_en.properties, bankid.rfa13, Trying to start your BankID app."
    })
    void textsAreBankIdsOwn(String bundle, String key, String text) throws IOException {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        assertThat(texts.getProperty(key)).isEqualTo(text);
    }
}

package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingDetails;

class InvitationComposerTest {

    private final InvitationComposer composer = TestTemplates.composer();

    @Test
    void anInvitationSaysWhoWhatWhenWhereHowAndWhichBrowsers() {
        Draft email = email(SampleMeeting.meeting(), Notice.INVITATION);

        assertThat(email.subject()).isEqualTo("Inbjudan: Uppföljning");
        assertThat(email.recipient()).isEqualTo("anna@example.se");
        assertThat(email.bodyText())
                .contains("Vera Värd, Testkommun, bjuder in dig")
                .contains("måndag 3 mars 2031 kl. 10:00–10:45 (centraleuropeisk tid)")
                .contains("Rum 1")
                .contains("https://portvakt.example.se/m/AnnasToken")
                .contains("Länken är personlig")
                .contains("BankID eller Freja eID")
                .contains("15 minuter före start")
                .contains("Chrome, Edge, Firefox eller Safari")
                .contains("Du behöver ingen app")
                .contains("Ta med läkemedelslistan.")
                .contains("Mötet hålls på Portvakt");
        assertThat(email.bodyHtml())
                .contains("lang=\"sv\"")
                .contains("href=\"https://portvakt.example.se/m/AnnasToken\"")
                .contains("centraleuropeisk tid")
                .contains("Chrome, Edge, Firefox eller Safari");
        assertThat(email.calendar()).contains("METHOD:REQUEST");
    }

    @Test
    void htmlEscapesWhatTheHostTyped() {
        MeetingDetails meeting = SampleMeeting.meeting(
                "sv",
                "<script>alert('x')</script> & Co",
                "Ta med <b>allt</b> & \"mer\"\n<img src=x onerror=alert(1)>",
                0);

        Draft email = email(meeting, Notice.INVITATION);

        assertThat(email.bodyHtml())
                .doesNotContain("<script>", "<b>allt</b>", "<img")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
                .contains("Ta med &lt;b&gt;allt&lt;/b&gt; &amp; &quot;mer&quot;");
        // the text body is text: it stays as typed
        assertThat(email.bodyText()).contains("<script>alert('x')</script> & Co");
        assertThat(email.subject()).isEqualTo("Inbjudan: <script>alert('x')</script> & Co");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sv | INVITATION   | Inbjudan: Uppföljning  | bjuder in dig till videomötet
            sv | UPDATE       | Ändrad: Uppföljning    | Ändrat möte
            sv | CANCELLATION | Inställd: Uppföljning  | Inställt:
            sv | WITHDRAWAL   | Inställd: Uppföljning  | Inställt för dig
            en | INVITATION   | Invitation: Uppföljning | invites you to the video meeting
            en | UPDATE       | Updated: Uppföljning   | Updated meeting
            en | CANCELLATION | Cancelled: Uppföljning | Cancelled:
            fi | INVITATION   | Kutsu: Uppföljning     | kutsuu sinut videotapaamiseen
            fi | UPDATE       | Muutettu: Uppföljning  | Muutettu tapaaminen
            fi | CANCELLATION | Peruttu: Uppföljning   | Peruttu:
            """)
    void subjectsAndSmsSayWhatHappenedInTheMeetingsLanguage(
            String language, Notice notice, String subject, String sms) {
        MeetingDetails meeting = SampleMeeting.meeting(language, "Uppföljning", null, 0);

        List<Draft> drafts = composer.compose(meeting, SampleMeeting.anna(), notice, true);

        assertThat(drafts).extracting(Draft::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(drafts.get(0).subject()).isEqualTo(subject);
        assertThat(drafts.get(0).bodyHtml()).contains("lang=\"" + language + "\"");
        assertThat(drafts.get(1).recipient()).isEqualTo("+46701234567");
        assertThat(drafts.get(1).bodyText()).startsWith("Portvakt: ").contains(sms);
    }

    @Test
    void aCancellationNoLongerHandsOutTheLink() {
        List<Draft> drafts = composer.compose(SampleMeeting.meeting(), SampleMeeting.anna(), Notice.CANCELLATION, true);

        assertThat(drafts).allSatisfy(draft -> assertThat(draft.bodyText()).doesNotContain("/m/AnnasToken"));
        assertThat(drafts.get(0).bodyHtml()).doesNotContain("/m/AnnasToken");
        assertThat(drafts.get(0).bodyText()).contains("har ställt in mötet");
        assertThat(drafts.get(0).calendar()).contains("METHOD:CANCEL", "STATUS:CANCELLED");
    }

    @Test
    void theSmsCarriesThePersonalLink() {
        Draft sms = composer.compose(SampleMeeting.meeting(), SampleMeeting.anna(), Notice.INVITATION, true)
                .get(1);

        assertThat(sms.bodyText())
                .contains("3 mars kl. 10:00", "https://portvakt.example.se/m/AnnasToken", "dela den inte");
        assertThat(sms.subject()).isNull();
        assertThat(sms.calendar()).isNull();
    }

    @Test
    void eachInviteeGetsOnlyTheChannelsTheyCanBeReachedOn() {
        InviteeDetails emailOnly = new InviteeDetails(
                SampleMeeting.anna().id(),
                "Anna",
                "anna@example.se",
                null,
                null,
                false,
                "https://portvakt.example.se/m/x");
        InviteeDetails smsOnly = new InviteeDetails(
                SampleMeeting.anna().id(),
                "Anna",
                null,
                "+46701234567",
                null,
                false,
                "https://portvakt.example.se/m/x");

        assertThat(composer.compose(SampleMeeting.meeting(), emailOnly, Notice.INVITATION, true))
                .extracting(Draft::channel)
                .containsExactly(Channel.EMAIL);
        assertThat(composer.compose(SampleMeeting.meeting(), smsOnly, Notice.INVITATION, true))
                .extracting(Draft::channel)
                .containsExactly(Channel.SMS);
        assertThat(composer.compose(SampleMeeting.meeting(), smsOnly, Notice.INVITATION, false))
                .isEmpty();
    }

    private Draft email(MeetingDetails meeting, Notice notice) {
        return composer.compose(meeting, SampleMeeting.anna(), notice, false).get(0);
    }
}

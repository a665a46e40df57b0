package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.followUp;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Fixtures;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.config.DeploymentMode;

/**
 * The dev mailbox shows queued messages in the embedded default, over real HTTP, and does not exist on a
 * production database (the PostgreSQL run of this test).
 */
@IntegrationTest
class DevMailboxIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestBookings bookings;

    @Autowired
    DeploymentMode mode;

    @Autowired
    ApplicationContext context;

    @Autowired
    OutboxWorker worker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void inEmbeddedModeItListsAndShowsEveryMessage() throws Exception {
        if (!mode.embedded()) {
            return; // covered by doesNotExistInProduction
        }
        String title = "Samtal <om> \"budget\" & " + TestBookings.unique();
        InviteeRequest anna = TestBookings.guest("Anna Andersson", true);
        Booked booked = bookings.book(followUp(fixtures.tenant()).title(title).invitees(anna));
        worker.deliverDue();
        UUID emailId = id(booked, "EMAIL");

        HttpResponse<String> list = get("/dev/mailbox");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("lang=\"sv\"", "<caption>", "scope=\"col\"", "<h1>Utvecklarbrevlåda</h1>")
                .contains("Utvecklarbrevlåda – meddelanden skickas inte på riktigt")
                .contains("Inbjudan: Samtal &lt;om&gt; &quot;budget&quot; &amp; ")
                .contains(anna.email(), anna.mobile(), "/dev/mailbox/" + emailId)
                .doesNotContain("<om>");

        HttpResponse<String> detail = get("/dev/mailbox/" + emailId);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body())
                .contains(anna.email())
                .containsPattern("<a href=\"http[^\"]+/m/[A-Za-z0-9_-]+\">http[^<]+/m/[A-Za-z0-9_-]+</a>")
                .contains("<iframe src=\"/dev/mailbox/" + emailId + "/body.html\" sandbox=\"\"")
                .contains("/dev/mailbox/" + emailId + "/invite.ics");

        HttpResponse<String> html = get("/dev/mailbox/" + emailId + "/body.html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        policy -> assertThat(policy).startsWith("sandbox").contains("default-src 'none'"));
        assertThat(html.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(html.body()).contains("Samtal &lt;om&gt;").doesNotContain("<om>");

        HttpResponse<String> ics = get("/dev/mailbox/" + emailId + "/invite.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/calendar").contains("method=REQUEST"));
        assertThat(ics.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition ->
                        assertThat(disposition).contains("attachment").contains("invite.ics"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        assertThat(ReceivedMail.value(calendar.getComponent("VEVENT").orElseThrow(), "UID"))
                .isEqualTo(booked.meeting().calendarUid());

        HttpResponse<String> sms = get("/dev/mailbox/" + id(booked, "SMS"));
        assertThat(sms.statusCode()).isEqualTo(200);
        assertThat(sms.body()).contains(anna.mobile()).doesNotContain("<iframe");
    }

    @Test
    void anUnknownMessageIsNotFound() throws Exception {
        assertThat(get("/dev/mailbox/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void doesNotExistInProduction() throws Exception {
        if (mode.embedded()) {
            assertThat(context.getBeansOfType(DevMailboxController.class)).hasSize(1);
            return;
        }
        assertThat(context.getBeansOfType(DevMailboxController.class)).isEmpty();
        assertThat(get("/dev/mailbox").statusCode()).isEqualTo(404);
    }

    private UUID id(Booked booked, String channel) {
        return jdbc.sql("select id from outbox_message where meeting_id = ? and channel = ?")
                .params(booked.id(), channel)
                .query(UUID.class)
                .single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

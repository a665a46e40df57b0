package se.portvakt.booking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.api.BookingApiIT.invitee;
import static se.portvakt.booking.api.BookingApiIT.meeting;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.api.BookingApiClient.Reply;
import se.portvakt.config.SqlTime;
import se.portvakt.organisation.ApiKeys;

/** The API under abuse: text no database stores as typed, and the documented status of every refusal. */
@IntegrationTest
class BookingApiTrustIT {

    /** Stands in a JSON body for a lone surrogate, which a JSON writer refuses to write. */
    private static final String LONE = "LONE-SURROGATE";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> unstorableText() {
        return Stream.of(
                Arguments.of(
                        "NUL in the title", (Consumer<Map<String, Object>>) m -> m.put("title", "Möte\u0000"), "title"),
                Arguments.of(
                        "NUL in an invitee's name",
                        (Consumer<Map<String, Object>>) m -> invitee(m).put("name", "Anna\u0000Andersson"),
                        "invitees[0].name"),
                Arguments.of(
                        "NUL in the host's address",
                        (Consumer<Map<String, Object>>) m -> m.put("hostEmail", "vera\u0000@kommun.example"),
                        "hostEmail"),
                Arguments.of(
                        "NUL in the room's name",
                        (Consumer<Map<String, Object>>) m -> m.put("roomName", "Rum\u0000"),
                        "roomName"),
                Arguments.of(
                        "a bell in the information",
                        (Consumer<Map<String, Object>>) m -> m.put("information", "Hej\u0007"),
                        "information"),
                Arguments.of(
                        "a lone surrogate in the information",
                        (Consumer<Map<String, Object>>) m -> m.put("information", "Hej " + LONE),
                        "information"),
                Arguments.of(
                        "a lone surrogate in an invitee's e-mail",
                        (Consumer<Map<String, Object>>) m -> invitee(m).put("email", "anna" + LONE + "@example.se"),
                        "invitees[0].email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorableText")
    void textNoDatabaseStoresAsTypedIsRefusedWithTheDocumented400(
            String name, Consumer<Map<String, Object>> change, String field) {
        Tenant tenant = fixtures.tenant();
        String body = BookingApiClient.JSON
                .writeValueAsString(meeting(tenant, change))
                .replace(LONE, "\\ud800");

        Reply reply = client(tenant).post("/api/v1/meetings", body);

        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(reply.error(0, "code")).isEqualTo("booking.error.text-unstorable");
        assertThat(reply.error(0, "message")).contains("inte kan sparas");
        assertThat(meetings(tenant)).isZero();
    }

    @Test
    void aChangeWithUnstorableTextIsRefusedInEnglishToo() {
        Tenant tenant = fixtures.tenant();
        BookingApiClient api = client(tenant);
        Reply booked = api.post("/api/v1/meetings", meeting(tenant));
        Map<String, Object> change = BookingApiClient.JSON.convertValue(booked.body(), Map.class);
        change.put("title", "Ny\u0000rubrik");

        Reply reply =
                api.put("/api/v1/meetings/" + booked.body().path("id").asString(), change, "Accept-Language", "en");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("title");
        assertThat(reply.error(0, "message")).contains("cannot be saved");
        assertThat(jdbc.sql("select title from meeting where organisation_id = ?")
                        .param(tenant.organisation().id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("Uppföljning");
    }

    @Test
    void tabsLineBreaksAndEmojiAreStoredAsTyped() {
        Tenant tenant = fixtures.tenant();
        String information = "Rad 1\r\nRad 2\tkolumn \uD83D\uDE00";
        Reply booked = client(tenant).post("/api/v1/meetings", meeting(tenant, m -> m.put("information", information)));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        assertThat(jdbc.sql("select information from meeting where organisation_id = ?")
                        .param(tenant.organisation().id().value())
                        .query(String.class)
                        .single())
                .isEqualTo(information);
    }

    @Test
    void aMeetingTheHostHasEndedCanBeNeitherCancelledNorChanged() {
        Tenant tenant = fixtures.tenant();
        BookingApiClient api = client(tenant);
        Reply booked = api.post("/api/v1/meetings", meeting(tenant));
        String id = booked.body().path("id").asString();
        Map<String, Object> change = BookingApiClient.JSON.convertValue(booked.body(), Map.class);
        change.put("title", "Ny rubrik");
        // as the meeting room's "end for everyone" leaves it, long before the booked end
        jdbc.sql("insert into meeting_session (meeting_id, started_at, locked, ended_at) values (?, ?, false, ?)")
                .params(UUID.fromString(id), SqlTime.of(Instant.now()), SqlTime.of(Instant.now()))
                .update();

        Reply cancel = api.delete("/api/v1/meetings/" + id);
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.contentType()).startsWith("application/problem+json");
        assertThat(cancel.error(0, "code")).isEqualTo("booking.error.ended");
        Reply put = api.put("/api/v1/meetings/" + id, change);
        assertThat(put.status()).isEqualTo(409);
        assertThat(put.error(0, "code")).isEqualTo("booking.error.ended");
        assertThat(api.get("/api/v1/meetings/" + id).body().path("status").asString())
                .isEqualTo("SCHEDULED");
        assertThat(api.get("/api/v1/meetings/" + id).body().path("title").asString())
                .isEqualTo("Uppföljning");
    }

    @Test
    void filesOfAnEndedOrCancelledMeetingCanBeNeitherAddedNorRemoved() {
        Tenant tenant = fixtures.tenant();
        BookingApiClient api = client(tenant);
        String ended =
                api.post("/api/v1/meetings", meeting(tenant)).body().path("id").asString();
        String cancelled =
                api.post("/api/v1/meetings", meeting(tenant)).body().path("id").asString();
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String endedFile = api.upload("/api/v1/meetings/" + ended + "/attachments", "a.pdf", pdf)
                .body()
                .path("id")
                .asString();
        String cancelledFile = api.upload("/api/v1/meetings/" + cancelled + "/attachments", "a.pdf", pdf)
                .body()
                .path("id")
                .asString();
        jdbc.sql("insert into meeting_session (meeting_id, started_at, locked, ended_at) values (?, ?, false, ?)")
                .params(UUID.fromString(ended), SqlTime.of(Instant.now()), SqlTime.of(Instant.now()))
                .update();
        assertThat(api.delete("/api/v1/meetings/" + cancelled).status()).isEqualTo(204);

        Reply addToEnded = api.upload("/api/v1/meetings/" + ended + "/attachments", "b.pdf", pdf);
        assertThat(addToEnded.status()).isEqualTo(409);
        assertThat(addToEnded.error(0, "code")).isEqualTo("booking.error.ended");
        Reply removeFromEnded = api.delete("/api/v1/meetings/" + ended + "/attachments/" + endedFile);
        assertThat(removeFromEnded.status()).isEqualTo(409);
        assertThat(removeFromEnded.error(0, "code")).isEqualTo("booking.error.ended");
        Reply removeFromCancelled = api.delete("/api/v1/meetings/" + cancelled + "/attachments/" + cancelledFile);
        assertThat(removeFromCancelled.status()).isEqualTo(409);
        assertThat(removeFromCancelled.error(0, "code")).isEqualTo("booking.error.cancelled");
        assertThat(jdbc.sql("select count(*) from attachment where meeting_id in (?, ?)")
                        .params(UUID.fromString(ended), UUID.fromString(cancelled))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private BookingApiClient client(Tenant tenant) {
        return new BookingApiClient(port, apiKeys.create(tenant.organisation().id(), "Journal " + UUID.randomUUID()));
    }

    private long meetings(Tenant tenant) {
        return jdbc.sql("select count(*) from meeting where organisation_id = ?")
                .param(tenant.organisation().id().value())
                .query(Long.class)
                .single();
    }
}

package se.portvakt.booking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.api.BookingApiClient.mapOf;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import se.portvakt.organisation.ApiKeys;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class BookingApiIT {

    static final OffsetDateTime TOMORROW = OffsetDateTime.now(ZoneOffset.UTC)
            .plusDays(1)
            .truncatedTo(ChronoUnit.HOURS)
            .withOffsetSameInstant(ZoneOffset.ofHours(1));

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void booksReadsListsChangesAndCancelsAMeeting() {
        Tenant tenant = fixtures.tenant();
        BookingApiClient api = client(tenant);

        Reply booked = api.post("/api/v1/meetings", meeting(tenant));
        assertThat(booked.status()).isEqualTo(201);
        JsonNode meeting = booked.body();
        String id = meeting.path("id").asString();
        assertThat(booked.headers().firstValue("Location")).hasValue("/api/v1/meetings/" + id);
        assertThat(meeting.path("title").asString()).isEqualTo("Uppföljning");
        assertThat(meeting.path("roomId").asString())
                .isEqualTo(tenant.room().id().toString());
        assertThat(meeting.path("roomName").asString()).isEqualTo(tenant.room().name());
        assertThat(meeting.path("hostEmail").asString()).isEqualTo(tenant.host().email());
        assertThat(meeting.path("hostName").asString()).isEqualTo(tenant.host().displayName());
        OffsetDateTime start = OffsetDateTime.parse(meeting.path("start").asString());
        assertThat(start.toInstant()).isEqualTo(TOMORROW.toInstant());
        assertThat(start.getOffset())
                .isEqualTo(ZoneId.of("Europe/Stockholm").getRules().getOffset(start.toInstant()));
        assertThat(meeting.path("assuranceLevel").asString()).isEqualTo("LOA3");
        assertThat(meeting.path("confidential").asBoolean()).isTrue();
        assertThat(meeting.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(meeting.path("version").asInt()).isZero();
        JsonNode anna = meeting.path("invitees").path(0);
        assertThat(anna.path("personalIdentityNumber").asString()).isEqualTo("19121212-****");
        assertThat(anna.path("mobile").asString()).isEqualTo("+46701234567");
        assertThat(anna.path("link").asString()).contains("/m/");
        assertThat(booked.raw()).doesNotContain("19121212-1212", "191212121212");

        Reply read = api.get("/api/v1/meetings/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(meeting);

        Reply listed = api.get("/api/v1/meetings?from=" + TOMORROW.minusHours(1).toInstant() + "&to="
                + TOMORROW.plusHours(1).toInstant());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()
                        .path("meetings")
                        .valueStream()
                        .map(m -> m.path("id").asString()))
                .containsExactly(id);
        assertThat(listed.body().path("hasMore").asBoolean()).isFalse();

        // the meeting as read, changed and sent back: Anna keeps her number, Bo is added, the time moves
        Map<String, Object> change = BookingApiClient.JSON.convertValue(meeting, Map.class);
        change.put("start", format(TOMORROW.plusHours(1)));
        change.put("end", format(TOMORROW.plusHours(2)));
        List<Object> invitees = new ArrayList<>((List<?>) change.get("invitees"));
        invitees.add(mapOf("name", "Bo Berg", "email", "bo@example.se"));
        change.put("invitees", invitees);
        Reply changed = api.put("/api/v1/meetings/" + id, change);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().path("version").asInt()).isEqualTo(1);
        assertThat(changed.body()
                        .path("invitees")
                        .valueStream()
                        .map(i -> i.path("name").asString()))
                .containsExactly("Anna Andersson", "Bo Berg");
        assertThat(changed.body()
                        .path("invitees")
                        .path(0)
                        .path("personalIdentityNumber")
                        .asString())
                .isEqualTo("19121212-****");
        assertThat(sequence(id)).isEqualTo(1);

        Reply stale = api.put("/api/v1/meetings/" + id, change);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.error(0, "code")).isEqualTo("booking.error.changed-meanwhile");

        assertThat(api.delete("/api/v1/meetings/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/meetings/" + id).body().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(sequence(id)).isEqualTo(2);
        Reply again = api.delete("/api/v1/meetings/" + id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error(0, "code")).isEqualTo("booking.error.cancelled");
    }

    @Test
    void findsTheRoomByItsCalendarNameAndPagesTheList() {
        Tenant tenant = fixtures.tenant();
        BookingApiClient api = client(tenant);
        assertThat(api.get("/api/v1/rooms")
                        .body()
                        .valueStream()
                        .map(room -> room.path("name").asString()))
                .containsExactly(tenant.room().name());

        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = meeting(tenant, m -> m.remove("roomId"));
            body.put("roomName", tenant.room().name());
            body.put("start", format(TOMORROW.plusHours(i)));
            body.put("end", format(TOMORROW.plusHours(i).plusMinutes(30)));
            Reply booked = api.post("/api/v1/meetings", body);
            assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
            assertThat(booked.body().path("roomId").asString())
                    .isEqualTo(tenant.room().id().toString());
        }

        // an unencoded '+' in the offset arrives as a space, and is still understood
        String from = format(TOMORROW.minusMinutes(1));
        Reply first = api.get("/api/v1/meetings?size=2&from=" + from);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().path("meetings").size()).isEqualTo(2);
        assertThat(first.body().path("hasMore").asBoolean()).isTrue();
        Reply second = api.get("/api/v1/meetings?size=2&page=1&from=" + from);
        assertThat(second.body().path("meetings").size()).isEqualTo(1);
        assertThat(second.body().path("hasMore").asBoolean()).isFalse();

        Reply tooBig = api.get("/api/v1/meetings?size=201&from=yesterday");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.errorFields()).containsExactlyInAnyOrder("from", "size");
    }

    @Test
    void refusesCallsWithoutAValidKey() {
        Tenant tenant = fixtures.tenant();
        String revoked = apiKeys.create(tenant.organisation().id(), "Gammal journal");
        apiKeys.of(tenant.organisation().id())
                .forEach(key -> apiKeys.revoke(tenant.organisation().id(), key.id()));

        for (String key : new String[] {null, "pvk_unknown", revoked, "not-a-portvakt-key"}) {
            Reply reply = new BookingApiClient(port, key).get("/api/v1/meetings");
            assertThat(reply.status()).as(String.valueOf(key)).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            // a bearer challenge (RFC 6750), invalid_token when a key was sent, and a problem detail as any other
            assertThat(reply.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .as(String.valueOf(key))
                    .startsWith("Bearer realm=\"Portvakt API\"");
            assertThat(reply.headers()
                            .firstValue("WWW-Authenticate")
                            .orElseThrow()
                            .contains("error=\"invalid_token\""))
                    .isEqualTo(key != null);
            assertThat(reply.raw())
                    .contains(
                            "\"status\":401",
                            "\"title\":\"Unauthorized\"",
                            "\"instance\":\"/api/v1/meetings\"",
                            "\"detail\":\""
                                    + (key == null
                                            ? "Skicka organisationens API-nyckel"
                                            : "API-nyckeln är okänd eller återkallad"));
        }
        Reply english = new BookingApiClient(port, "pvk_unknown").get("/api/v1/meetings", "Accept-Language", "en");
        assertThat(english.status()).isEqualTo(401);
        assertThat(english.raw()).contains("\"detail\":\"The API key is unknown or revoked.");
        Reply booking = new BookingApiClient(port, revoked).post("/api/v1/meetings", meeting(tenant));
        assertThat(booking.status()).isEqualTo(401);
        assertThat(meetings(tenant)).isZero();
    }

    @Test
    void anotherOrganisationsMeetingsRoomsAndHostsDoNotExistForAKey() {
        Tenant owner = fixtures.tenant();
        Tenant other = fixtures.tenant();
        BookingApiClient ownerApi = client(owner);
        BookingApiClient otherApi = client(other);
        String id = ownerApi.post("/api/v1/meetings", meeting(owner))
                .body()
                .path("id")
                .asString();
        String file = ownerApi.upload("/api/v1/meetings/" + id + "/attachments", "kallelse.txt", "Välkommen".getBytes())
                .body()
                .path("id")
                .asString();
        String path = "/api/v1/meetings/" + id;

        assertThat(otherApi.get(path).status()).isEqualTo(404);
        assertThat(otherApi.put(path, meeting(other, m -> m.put("version", 0))).status())
                .isEqualTo(404);
        assertThat(otherApi.delete(path).status()).isEqualTo(404);
        assertThat(otherApi.upload(path + "/attachments", "x.txt", "x".getBytes())
                        .status())
                .isEqualTo(404);
        assertThat(otherApi.get(path + "/attachments/" + file).status()).isEqualTo(404);
        assertThat(otherApi.delete(path + "/attachments/" + file).status()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/meetings?from="
                                + TOMORROW.minusHours(1).toInstant())
                        .body()
                        .path("meetings")
                        .size())
                .isZero();
        assertThat(otherApi.get("/api/v1/rooms")
                        .body()
                        .valueStream()
                        .map(r -> r.path("name").asString()))
                .containsExactly(other.room().name());

        JsonNode untouched = ownerApi.get(path).body();
        assertThat(untouched.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(untouched.path("version").asInt()).isZero();
        assertThat(untouched.path("attachments").size()).isEqualTo(1);

        Reply intoTheirRoom = otherApi.post(
                "/api/v1/meetings",
                meeting(other, m -> m.put("roomId", owner.room().id())));
        assertThat(intoTheirRoom.status()).isEqualTo(400);
        assertThat(intoTheirRoom.errorFields()).containsExactly("roomId");
        Reply byTheirRoomName = otherApi.post("/api/v1/meetings", meeting(other, m -> {
            m.remove("roomId");
            m.put("roomName", owner.room().name());
        }));
        assertThat(byTheirRoomName.errorFields()).containsExactly("roomName");
        Reply withTheirHost = otherApi.post(
                "/api/v1/meetings",
                meeting(other, m -> m.put("hostEmail", owner.host().email())));
        assertThat(withTheirHost.status()).isEqualTo(400);
        assertThat(withTheirHost.errorFields()).containsExactly("hostEmail");
        assertThat(withTheirHost.error(0, "code")).isEqualTo("booking.error.host-unknown");
        assertThat(meetings(other)).isZero();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad(
                        "no title",
                        m -> m.remove("title"),
                        "title",
                        "booking.error.title-required",
                        "Ange en rubrik för mötet."),
                bad(
                        "end before start",
                        m -> m.put("end", format(TOMORROW.minusMinutes(5))),
                        "end",
                        "booking.error.end-before-start",
                        "Sluttiden måste vara efter starttiden."),
                bad(
                        "malformed e-mail",
                        m -> invitee(m).put("email", "anna@"),
                        "invitees[0].email",
                        "booking.error.email-invalid",
                        "E-postadressen ser inte rätt ut"),
                bad(
                        "malformed mobile",
                        m -> invitee(m).put("mobile", "12345"),
                        "invitees[0].mobile",
                        "booking.error.mobile-invalid",
                        "Mobilnumret ser inte rätt ut"),
                bad(
                        "invalid personnummer",
                        m -> invitee(m).put("personalIdentityNumber", "19121212-1213"),
                        "invitees[0].personalIdentityNumber",
                        "booking.error.pin-invalid",
                        "Personnumret är inte giltigt"),
                bad(
                        "date without offset",
                        m -> m.put("start", "2026-12-01T09:00:00"),
                        "start",
                        "api.error.date-time-invalid",
                        "ISO 8601"),
                bad("not a date", m -> m.put("end", "tomorrow"), "end", "api.error.date-time-invalid", "ISO 8601"),
                bad(
                        "unknown level",
                        m -> m.put("assuranceLevel", "LOA4"),
                        "assuranceLevel",
                        "api.error.value-not-allowed",
                        "NONE, LOA2, LOA3"),
                bad("room id not a UUID", m -> m.put("roomId", "rum-1"), "roomId", "api.error.id-invalid", "UUID"),
                bad(
                        "text for a boolean",
                        m -> m.put("confidential", "kanske"),
                        "confidential",
                        "api.error.boolean-invalid",
                        "true eller false"),
                bad(
                        "invitees not a list",
                        m -> m.put("invitees", "Anna"),
                        "invitees",
                        "api.error.list-expected",
                        "lista"),
                bad(
                        "misspelt field",
                        m -> m.put("confidentail", true),
                        "confidentail",
                        "api.error.unknown-field",
                        "openapi.json"),
                bad(
                        "unknown language",
                        m -> m.put("language", "de"),
                        "language",
                        "booking.error.language",
                        "svenska, engelska eller finska"));
    }

    static Arguments bad(String name, Consumer<Map<String, Object>> change, String field, String code, String text) {
        return Arguments.of(name, change, field, code, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsExplainedInSwedishAndStoresNothing(
            String name, Consumer<Map<String, Object>> change, String field, String code, String text) {
        Tenant tenant = fixtures.tenant();
        Reply reply = client(tenant).post("/api/v1/meetings", meeting(tenant, change));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.error(0, "field")).isEqualTo(field);
        assertThat(reply.error(0, "code")).isEqualTo(code);
        assertThat(reply.error(0, "message")).contains(text);
        assertThat(meetings(tenant)).isZero();
        assertThat(invitees(tenant)).isZero();
    }

    @Test
    void explainsInTheLanguageAskedForAndReportsEveryProblemAtOnce() {
        Tenant tenant = fixtures.tenant();
        Map<String, Object> body = meeting(tenant, m -> {
            m.remove("title");
            m.put("hostEmail", "nobody@kommun.example");
            invitee(m).put("mobile", "12345");
        });

        Reply english = client(tenant).post("/api/v1/meetings", body, "Accept-Language", "en-GB,en;q=0.9,sv;q=0.5");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body().path("detail").asString()).startsWith("The request could not be carried out");
        assertThat(english.errorFields()).containsExactlyInAnyOrder("hostEmail", "title", "invitees[0].mobile");
        assertThat(english.body()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("message").asString()))
                .contains("Enter a title for the meeting.", "The host is not one of the organisation's hosts.");

        Reply finnish = client(tenant).post("/api/v1/meetings", "{\"title\": ", "Accept-Language", "fi");
        assertThat(finnish.status()).isEqualTo(400);
        assertThat(finnish.error(0, "code")).isEqualTo("api.error.json-malformed");
        assertThat(finnish.error(0, "message")).startsWith("Sisältö ei ole kelvollista JSONia");
        assertThat(meetings(tenant)).isZero();
    }

    @Test
    void aChangeNeedsTheVersionItIsBasedOn() {
        Tenant tenant = fixtures.tenant();
        BookingApiClient api = client(tenant);
        String id =
                api.post("/api/v1/meetings", meeting(tenant)).body().path("id").asString();

        Reply noVersion = api.put("/api/v1/meetings/" + id, meeting(tenant, m -> m.put("title", "Nytt")));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.errorFields()).containsExactly("version");
        Reply strangeInvitee = api.put("/api/v1/meetings/" + id, meeting(tenant, m -> {
            m.put("version", 0);
            invitee(m).put("id", UUID.randomUUID().toString());
        }));
        assertThat(strangeInvitee.status()).isEqualTo(400);
        assertThat(strangeInvitee.error(0, "code")).isEqualTo("booking.error.unknown-invitee");
        assertThat(api.get("/api/v1/meetings/" + id).body().path("title").asString())
                .isEqualTo("Uppföljning");
        assertThat(api.get("/api/v1/meetings/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/meetings/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void attachesDownloadsAndRemovesFiles() {
        Tenant tenant = fixtures.tenant();
        BookingApiClient api = client(tenant);
        String path = "/api/v1/meetings/"
                + api.post("/api/v1/meetings", meeting(tenant))
                        .body()
                        .path("id")
                        .asString();
        byte[] pdf = "%PDF-1.7\n% Portvakt\n".getBytes();

        Reply attached = api.upload(path + "/attachments", "Kallelse åäö.pdf", pdf);
        assertThat(attached.status()).as(attached.raw()).isEqualTo(201);
        assertThat(attached.body().path("fileName").asString()).isEqualTo("Kallelse åäö.pdf");
        assertThat(attached.body().path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(attached.body().path("size").asLong()).isEqualTo(pdf.length);
        String file = path + "/attachments/" + attached.body().path("id").asString();
        assertThat(attached.headers().firstValue("Location")).hasValue(file);
        assertThat(api.get(path)
                        .body()
                        .path("attachments")
                        .path(0)
                        .path("fileName")
                        .asString())
                .isEqualTo("Kallelse åäö.pdf");

        Reply download = api.get(file);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(pdf);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition ->
                        assertThat(disposition).startsWith("attachment;").contains("UTF-8''Kallelse"));

        assertThat(api.delete(file).status()).isEqualTo(204);
        assertThat(api.get(file).status()).isEqualTo(404);
        assertThat(api.delete(file).status()).isEqualTo(404);
        assertThat(attachments(tenant)).isZero();
    }

    @Test
    void refusesFilesOfTheWrongKindOrSize() {
        Tenant tenant = fixtures.tenant();
        BookingApiClient api = client(tenant);
        String path = "/api/v1/meetings/"
                + api.post("/api/v1/meetings", meeting(tenant))
                        .body()
                        .path("id")
                        .asString() + "/attachments";

        Reply program = api.upload(path, "setup.exe", new byte[] {'M', 'Z', 0, 0});
        assertThat(program.status()).isEqualTo(400);
        assertThat(program.error(0, "field")).isEqualTo("file");
        assertThat(program.error(0, "code")).isEqualTo("booking.error.attachment-type");
        Reply disguised = api.upload(path, "brev.pdf", new byte[] {'M', 'Z', 0, 0});
        assertThat(disguised.error(0, "code")).isEqualTo("booking.error.attachment-content");
        Reply tooLarge = api.upload(path, "stor.txt", new byte[10 * 1024 * 1024 + 1]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.error(0, "code")).isEqualTo("booking.error.attachment-too-large");
        assertThat(tooLarge.error(0, "message")).contains("10 MB");
        // past the server's multipart limit the request is stopped before it reaches the API
        Reply huge = api.upload(path, "enorm.txt", new byte[50 * 1024 * 1024 + 1]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(huge.error(0, "code")).isEqualTo("booking.error.attachment-too-large");
        Reply broken = api.send("POST", path, "multipart/form-data; boundary=x", "--y\r\nnot a part");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error(0, "code")).isEqualTo("api.error.file-required");
        Reply noFile = api.post(path, Map.of());
        assertThat(noFile.status()).isEqualTo(415);
        assertThat(noFile.contentType()).startsWith("application/problem+json");
        assertThat(attachments(tenant)).isZero();
    }

    @Test
    void answersUnknownAddressesAndMethodsWithProblems() {
        BookingApiClient api = client(fixtures.tenant());

        Reply noSuchPath = api.get("/api/v1/meetingz", "Accept-Language", "en");
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.contentType()).startsWith("application/problem+json");
        assertThat(noSuchPath.body().path("detail").asString())
                .isEqualTo("There is no such address in the API. See /api/v1/openapi.json.");
        Reply wrongMethod = api.put("/api/v1/rooms", Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void servesItsOpenApiDocumentWithoutAKey() {
        Reply document = new BookingApiClient(port, null).get("/api/v1/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        JsonNode openApi = document.body();
        assertThat(openApi.path("paths").has("/api/v1/meetings")).isTrue();
        assertThat(openApi.path("paths").has("/api/v1/meetings/{id}/attachments"))
                .isTrue();
        assertThat(openApi.path("components")
                        .path("securitySchemes")
                        .path("apiKey")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        JsonNode responses =
                openApi.path("paths").path("/api/v1/meetings").path("post").path("responses");
        assertThat(responses.has("201")).isTrue();
        assertThat(responses.path("400").path("content").has("application/problem+json"))
                .isTrue();
    }

    private BookingApiClient client(Tenant tenant) {
        return new BookingApiClient(port, apiKeys.create(tenant.organisation().id(), "Journal " + UUID.randomUUID()));
    }

    static Map<String, Object> meeting(Tenant tenant) {
        return meeting(tenant, m -> {});
    }

    static Map<String, Object> meeting(Tenant tenant, Consumer<Map<String, Object>> change) {
        Map<String, Object> anna = mapOf(
                "name",
                "Anna Andersson",
                "email",
                "anna@example.se",
                "mobile",
                "070-123 45 67",
                "personalIdentityNumber",
                "19121212-1212");
        Map<String, Object> meeting = mapOf(
                "title",
                "Uppföljning",
                "roomId",
                tenant.room().id(),
                "hostEmail",
                tenant.host().email(),
                "start",
                format(TOMORROW),
                "end",
                format(TOMORROW.plusMinutes(45)),
                "assuranceLevel",
                "LOA3",
                "confidential",
                true,
                "information",
                "Ta med läkemedelslistan.",
                "language",
                "sv",
                "invitees",
                new ArrayList<>(List.of(anna)));
        change.accept(meeting);
        return meeting;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> invitee(Map<String, Object> meeting) {
        return (Map<String, Object>) ((List<?>) meeting.get("invitees")).get(0);
    }

    static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private int sequence(String meetingId) {
        return jdbc.sql("select sequence from meeting where id = ?")
                .param(UUID.fromString(meetingId))
                .query(Integer.class)
                .single();
    }

    private long meetings(Tenant tenant) {
        return count("select count(*) from meeting where organisation_id = ?", tenant);
    }

    private long invitees(Tenant tenant) {
        return count(
                "select count(*) from invitee i join meeting m on m.id = i.meeting_id where m.organisation_id = ?",
                tenant);
    }

    private long attachments(Tenant tenant) {
        return count("""
                select count(*) from attachment a join meeting m on m.id = a.meeting_id
                where m.organisation_id = ?""", tenant);
    }

    private long count(String sql, Tenant tenant) {
        return jdbc.sql(sql)
                .param(tenant.organisation().id().value())
                .query(Long.class)
                .single();
    }
}

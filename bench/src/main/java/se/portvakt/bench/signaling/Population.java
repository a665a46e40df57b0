package se.portvakt.bench.signaling;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people of the benchmark, made as an installation makes them: the first administrator from
 * {@code portvakt.bootstrap.*}, who logs in, chooses a password, adds a room and an API key on the admin pages; the
 * meetings booked through the booking API, each with its own host and link-only guests; every guest opening their
 * link and saying "I am here" on the meeting's page. Only the hosts come from the database: the admin pages invite a
 * host by e-mail, with a one-time link to choose a password, so the bench copies the administrator's row (and
 * password hash) once per host instead of running a mail server. One host per meeting matters: each staff member
 * has one message budget (docs/protocol.md, "Limits"), which a single host admitting 900 guests would exhaust.
 */
final class Population {

    static final String ADMIN_EMAIL = "admin@bench.example";
    static final String ADMIN_FIRST_PASSWORD = "first-password-of-the-bench";
    static final String PASSWORD = "bench-password-chosen";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern API_KEY = Pattern.compile("value=\"(pvk_[A-Za-z0-9_-]+)\"");

    /** A meeting and its people: the host's browser, and each guest's (which holds their session). */
    record Meeting(UUID id, Browser host, List<Guest> guests) {}

    /** A guest: the invitee they proved to be, and their browser. */
    record Guest(UUID invitee, Browser browser) {}

    /** The {@code portvakt.bootstrap.*} settings that make the administrator on the first node's first start. */
    static java.util.Map<String, String> bootstrap() {
        return java.util.Map.of(
                "portvakt.bootstrap.organisation", "Benchmark",
                "portvakt.bootstrap.admin-email", ADMIN_EMAIL,
                "portvakt.bootstrap.admin-password", ADMIN_FIRST_PASSWORD);
    }

    /** Drops and forgets the benchmark's schema, so every run starts from an empty database. */
    static void dropSchema(String schema) throws SQLException {
        try (Connection db = database(schema);
                Statement statement = db.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    /** Makes {@code meetings} meetings of one host and {@code guests} waiting guests each, through the node at {@code port}. */
    static List<Meeting> make(HttpClient http, int port, String schema, int meetings, int guests, int threads)
            throws Exception {
        Browser admin = new Browser(http, port);
        admin.logIn(ADMIN_EMAIL, ADMIN_FIRST_PASSWORD);
        admin.post(
                "/account/password",
                "/account/password",
                "current",
                ADMIN_FIRST_PASSWORD,
                "password",
                PASSWORD,
                "repeat",
                PASSWORD);
        admin.post("/admin/rooms", "/admin/rooms", "name", "Benchmarkrummet");
        admin.post("/admin", "/admin/api-keys", "name", "benchmark");
        Matcher key = API_KEY.matcher(admin.get("/admin").body());
        if (!key.find()) {
            throw new IllegalStateException("the admin page showed no new API key");
        }
        String apiKey = key.group(1);
        JsonNode rooms = JSON.readTree(api(http, port, apiKey, "GET", "/api/v1/rooms", null));
        String roomId = rooms.get(0).path("id").asString();
        List<String> hostEmails = addHosts(schema, meetings);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Meeting>> made = new ArrayList<>();
            OffsetDateTime start =
                    OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
            for (int m = 0; m < meetings; m++) {
                int index = m;
                made.add(pool.submit(() -> {
                    String booked = api(
                            http,
                            port,
                            apiKey,
                            "POST",
                            "/api/v1/meetings",
                            booking(index, roomId, hostEmails.get(index), start, guests));
                    JsonNode meeting = JSON.readTree(booked);
                    Browser host = new Browser(http, port);
                    host.logIn(hostEmails.get(index), PASSWORD);
                    List<Guest> people = new ArrayList<>();
                    for (JsonNode invitee : meeting.path("invitees")) {
                        String link = invitee.path("link").asString();
                        Browser guest = new Browser(http, port);
                        guest.arrive(link.substring(link.indexOf("/m/") + 3));
                        people.add(new Guest(UUID.fromString(invitee.path("id").asString()), guest));
                    }
                    return new Meeting(UUID.fromString(meeting.path("id").asString()), host, people);
                }));
            }
            List<Meeting> result = new ArrayList<>();
            for (Future<Meeting> meeting : made) {
                result.add(meeting.get());
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }

    /** One host per meeting: the administrator's row copied, with the role HOST alone and the same password. */
    private static List<String> addHosts(String schema, int count) throws SQLException {
        List<String> emails = new ArrayList<>();
        try (Connection db = database(schema);
                PreparedStatement insert = db.prepareStatement("""
                        insert into staff_user (id, organisation_id, email, display_name, password_hash, roles,
                            enabled, created_at, password_change_required)
                        select ?, organisation_id, ?, ?, password_hash, 'HOST', true, now(), false
                        from staff_user where email = ?""")) {
            for (int i = 0; i < count; i++) {
                String email = "host" + i + "@bench.example";
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, email);
                insert.setString(3, "Värd " + i);
                insert.setString(4, ADMIN_EMAIL);
                if (insert.executeUpdate() != 1) {
                    throw new IllegalStateException("no administrator row to copy");
                }
                emails.add(email);
            }
        }
        return emails;
    }

    private static String booking(int index, String roomId, String hostEmail, OffsetDateTime start, int guests) {
        StringBuilder invitees = new StringBuilder();
        for (int g = 0; g < guests; g++) {
            invitees.append(g == 0 ? "" : ",")
                    .append("{\"name\":\"Gäst ")
                    .append(index)
                    .append('-')
                    .append(g)
                    .append("\",\"email\":\"guest")
                    .append(index)
                    .append('-')
                    .append(g)
                    .append("@bench.example\"}");
        }
        return "{\"title\":\"Möte " + index + "\",\"roomId\":\"" + roomId + "\",\"hostEmail\":\"" + hostEmail
                + "\",\"assuranceLevel\":\"NONE\",\"start\":\"" + start + "\",\"end\":\"" + start.plusHours(3)
                + "\",\"invitees\":["
                + invitees + "]}";
    }

    private static String api(HttpClient http, int port, String key, String method, String path, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static Connection database(String schema) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema, "postgres", "");
    }
}

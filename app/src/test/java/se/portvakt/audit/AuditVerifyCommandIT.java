package se.portvakt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.portvakt.PortvaktApplication;
import se.portvakt.TestDatabase;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;
import se.portvakt.organisation.Organisations;

/**
 * The verification command as an operator runs it: its own process on the service's database, started through
 * {@code main}, reading the printed lines and the exit status. A service context writes and seals the records
 * first, then the database is edited behind its back.
 */
class AuditVerifyCommandIT {

    @TempDir
    Path directory;

    String url;
    List<String> database = new ArrayList<>();

    @BeforeEach
    void ownDatabase() throws SQLException {
        String server = System.getProperty("spring.datasource.url", "");
        if (server.startsWith("jdbc:postgresql:")) {
            String schema = System.getProperty("portvakt.it.schema", "portvakt_it") + "_verify";
            url = server.replaceFirst("currentSchema=[^&]*", "currentSchema=" + schema);
            try (Connection connection = connect()) {
                connection.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
            database.addAll(List.of(
                    "--spring.datasource.username=" + System.getProperty("spring.datasource.username"),
                    "--spring.datasource.password=",
                    "--spring.flyway.default-schema=" + schema));
        } else {
            url = "jdbc:h2:file:" + directory.resolve("portvakt")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        database.addAll(
                0,
                List.of(
                        "--spring.datasource.url=" + url,
                        "--portvakt.secret-key=" + TestDatabase.TEST_SECRET_KEY,
                        "--portvakt.data-directory=" + directory,
                        // what production demands before it starts (a PostgreSQL URL is production)
                        "--portvakt.public-url=https://portvakt.example",
                        "--portvakt.media.advertised-address=127.0.0.1",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=1"));
    }

    @Test
    void saysIntactAndExitsZeroThenNamesTheEditedRecordAndExitsOne() throws Exception {
        UUID organisation = threeSealedRecords();

        Run intact = verify();
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output())
                .contains("chain " + organisation + ": intact since ")
                .contains("3 records")
                .contains("1 unsealed")
                .contains("AUDIT INTACT");

        try (Connection connection = connect()) {
            connection
                    .prepareStatement("update audit_event set detail = '{\"n\":\"7\"}' " + "where organisation_id = '"
                            + organisation + "' and chain_seq = 2")
                    .executeUpdate();
        }
        Run broken = verify();
        assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output())
                .contains("chain " + organisation + ": BROKEN at position 2")
                .contains("ALTERED")
                .contains("AUDIT BROKEN");
        try (Connection connection = connect()) {
            var unsealed = connection
                    .createStatement()
                    .executeQuery("select count(*) from audit_event " + "where organisation_id = '" + organisation
                            + "' and chain_seq is null");
            unsealed.next();
            assertThat(unsealed.getInt(1))
                    .as("the command seals nothing: the fourth record waits for the service")
                    .isEqualTo(1);
        }
    }

    /** Three sealed records and a fourth not sealed yet. */
    private UUID threeSealedRecords() {
        List<String> arguments = new ArrayList<>(database);
        arguments.addAll(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--portvakt.media.udp-port=0",
                "--portvakt.scheduling.enabled=false"));
        try (ConfigurableApplicationContext service =
                new SpringApplicationBuilder(PortvaktApplication.class).run(arguments.toArray(String[]::new))) {
            UUID organisation = service.getBean(Organisations.class)
                    .create(
                            "Verifierade kommunen "
                                    + UUID.randomUUID().toString().substring(0, 8),
                            ZoneId.of("Europe/Stockholm"),
                            "sv")
                    .id()
                    .value();
            AuditLog audit = service.getBean(AuditLog.class);
            for (int i = 0; i < 3; i++) {
                audit.record(AuditEntry.of(
                                new OrganisationId(organisation),
                                AuditAction.MEETING_ENDED,
                                AuditActor.staff(new StaffId(UUID.randomUUID())))
                        .meeting(new MeetingId(UUID.randomUUID()))
                        .detail("n", i));
            }
            assertThat(service.getBean(AuditSealer.class).sealPending()).isGreaterThanOrEqualTo(3);
            audit.record(AuditEntry.of(
                    new OrganisationId(organisation),
                    AuditAction.MEETING_ENDED,
                    AuditActor.staff(new StaffId(UUID.randomUUID()))));
            return organisation;
        }
    }

    private Run verify() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                PortvaktApplication.class.getName(),
                "--portvakt.audit.verify=true"));
        command.addAll(database);
        Path log = Files.createTempFile(directory, "verify", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the verification command did not exit within 300 s:\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    private Connection connect() throws SQLException {
        return url.startsWith("jdbc:postgresql:")
                ? DriverManager.getConnection(url, System.getProperty("spring.datasource.username"), "")
                : DriverManager.getConnection(url, "sa", "");
    }

    record Run(int exit, String output) {}
}

package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's database keeps checking rows after the session that made the schema is gone. The pool
 * retires every connection after 30 minutes, the one Flyway migrated with too; with H2 2.4.240 every insert into a
 * table with a {@code check (... in (...))} then failed with "Check constraint invalid" (h2database issue 4302), so
 * an embedded Portvakt stopped sending invitations and taking BankID orders half an hour after its first start.
 */
class EmbeddedDatabaseSessionsTest {

    private static final String INSERT_ORDER =
            "insert into bankid_order (id, end_user_ip, status, created_at) values (?, '127.0.0.1', ?, ?)";

    @Test
    void aRowCheckedByTheSchemaGoesInFromASessionOpenedAfterTheMigrationsClosed() throws SQLException {
        String url = "jdbc:h2:mem:sessions-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        try (Connection keepsTheDatabase = DriverManager.getConnection(url, "sa", "")) {
            // Flyway opens and closes its own sessions: the schema's makers are gone when it returns
            Flyway.configure().dataSource(url, "sa", "").load().migrate();

            try (Connection later = DriverManager.getConnection(url, "sa", "")) {
                assertThat(insertOrder(later, "PENDING")).isEqualTo(1);
                assertThatThrownBy(() -> insertOrder(later, "LOST"))
                        .as("the check still refuses what it should")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("Check constraint violation");
            }
            assertThat(keepsTheDatabase.isValid(1)).isTrue();
        }
    }

    private static int insertOrder(Connection connection, String status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, status);
            insert.setObject(3, OffsetDateTime.now());
            return insert.executeUpdate();
        }
    }
}

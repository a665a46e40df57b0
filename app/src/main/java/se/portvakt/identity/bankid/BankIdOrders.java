package se.portvakt.identity.bankid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import se.portvakt.config.SqlTime;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.identity.bankid.BankIdJson.AuthResponse;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/**
 * The bankid_order table: every node sees the same orders, so a guest's polls may land on any node.
 * The expected person is kept encrypted and as a keyed hash, like every identity number Portvakt stores.
 */
class BankIdOrders {

    private static final Logger log = LoggerFactory.getLogger(BankIdOrders.class);

    enum Status {
        PENDING,
        COMPLETE,
        FAILED
    }

    /** One row. {@code orderRef} and the QR fields are null when BankID refused the order at the start. */
    record StoredOrder(
            UUID id,
            String orderRef,
            String autoStartToken,
            String qrStartToken,
            String qrStartSecret,
            Instant authAt,
            String endUserIp,
            String userVisibleText,
            String pinEncrypted,
            String pinIndex,
            boolean qrShown,
            String lastHintCode,
            Status status,
            String messageKey,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final PinVault vault;
    private final Clock clock;
    private final Duration retention;

    BankIdOrders(JdbcClient jdbc, PinVault vault, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
        this.retention = retention;
    }

    void started(UUID id, EidStart start, AuthResponse auth, Instant authAt) {
        insert(id, start, auth, authAt, Status.PENDING, null);
    }

    /** An order BankID refused at once (e.g. alreadyInProgress): its first poll tells the person why. */
    void refused(UUID id, EidStart start, String messageKey) {
        insert(id, start, null, null, Status.FAILED, messageKey);
    }

    private void insert(UUID id, EidStart start, AuthResponse auth, Instant authAt, Status status, String key) {
        PersonalIdentityNumber expected = start.expectedPerson();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into bankid_order (id, order_ref, auto_start_token, qr_start_token, qr_start_secret, auth_at,
                    end_user_ip, user_visible_text, pin_encrypted, pin_index, status, message_key, created_at,
                    finished_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        auth == null ? null : auth.orderRef(),
                        auth == null ? null : auth.autoStartToken(),
                        auth == null ? null : auth.qrStartToken(),
                        auth == null ? null : auth.qrStartSecret(),
                        SqlTime.of(authAt),
                        start.endUserIp(),
                        start.userVisibleText(),
                        expected == null ? null : vault.encrypt(expected),
                        expected == null ? null : vault.index(expected),
                        status.name(),
                        key,
                        SqlTime.of(now),
                        status == Status.PENDING ? null : SqlTime.of(now))
                .update();
    }

    Optional<StoredOrder> find(UUID id) {
        return jdbc.sql("select * from bankid_order where id = ?")
                .param(id)
                .query(BankIdOrders::row)
                .optional();
    }

    void qrShown(UUID id) {
        jdbc.sql("update bankid_order set qr_shown = true where id = ? and qr_shown = false")
                .param(id)
                .update();
    }

    void hinted(UUID id, String hintCode) {
        jdbc.sql("update bankid_order set last_hint_code = ? where id = ? and status = 'PENDING'")
                .params(hintCode, id)
                .update();
    }

    /**
     * Points the order at a new BankID order after an unscanned QR code timed out. False when another node
     * restarted it first (its new order wins; the caller cancels its own).
     */
    boolean restarted(UUID id, String previousOrderRef, AuthResponse auth, Instant authAt) {
        return jdbc.sql("""
                update bankid_order set order_ref = ?, auto_start_token = ?, qr_start_token = ?, qr_start_secret = ?,
                    auth_at = ?, last_hint_code = null
                where id = ? and order_ref = ? and status = 'PENDING'""")
                        .params(
                                auth.orderRef(),
                                auth.autoStartToken(),
                                auth.qrStartToken(),
                                auth.qrStartSecret(),
                                SqlTime.of(authAt),
                                id,
                                previousOrderRef)
                        .update()
                == 1;
    }

    /**
     * Ends a pending order; the QR secret and the encrypted number are no longer needed and are wiped at once.
     * False when it had ended already (another poll got there first).
     */
    boolean finished(UUID id, Status status, String messageKey) {
        return jdbc.sql("""
                update bankid_order set status = ?, message_key = ?, finished_at = ?, qr_start_secret = null,
                    pin_encrypted = null
                where id = ? and status = 'PENDING'""")
                        .params(status.name(), messageKey, SqlTime.of(clock.instant()), id)
                        .update()
                == 1;
    }

    PersonalIdentityNumber expectedPerson(StoredOrder order) {
        return order.pinEncrypted() == null ? null : vault.decrypt(order.pinEncrypted());
    }

    /** True when the order named nobody, or named exactly this person. */
    boolean admits(StoredOrder order, PersonalIdentityNumber person) {
        return order.pinIndex() == null || order.pinIndex().equals(vault.index(person));
    }

    /** Every node runs this; deleting the same old rows twice is harmless. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void forgetOldOrders() {
        int deleted = deleteCreatedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.debug("Deleted {} BankID orders older than {}", deleted, retention);
        }
    }

    int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from bankid_order where created_at < ?")
                .param(SqlTime.of(cutoff))
                .update();
    }

    private static StoredOrder row(ResultSet rs, int n) throws SQLException {
        return new StoredOrder(
                rs.getObject("id", UUID.class),
                rs.getString("order_ref"),
                rs.getString("auto_start_token"),
                rs.getString("qr_start_token"),
                rs.getString("qr_start_secret"),
                SqlTime.read(rs, "auth_at"),
                rs.getString("end_user_ip"),
                rs.getString("user_visible_text"),
                rs.getString("pin_encrypted"),
                rs.getString("pin_index"),
                rs.getBoolean("qr_shown"),
                rs.getString("last_hint_code"),
                Status.valueOf(rs.getString("status")),
                rs.getString("message_key"),
                SqlTime.read(rs, "created_at"));
    }
}

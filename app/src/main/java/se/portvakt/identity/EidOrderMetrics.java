package se.portvakt.identity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * BankID and Freja eID orders by outcome, from their tables: the orders kept for their retention window
 * ({@code portvakt.identity.*.order-retention}, 15 minutes), so a rise in FAILED shows within minutes on every node.
 */
@Component
class EidOrderMetrics implements MeterBinder {

    private static final List<String> STATUSES = List.of("PENDING", "COMPLETE", "FAILED");
    private static final List<String> TABLES = List.of("bankid_order", "freja_order");

    private final JdbcClient jdbc;

    EidOrderMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String table : TABLES) {
            for (String status : STATUSES) {
                Gauge.builder("portvakt.eid.orders", this, m -> m.count(table, status))
                        .tag("provider", table.substring(0, table.indexOf('_')))
                        .tag("outcome", status.toLowerCase())
                        .description("e-ID orders of the retention window by outcome")
                        .register(registry);
            }
        }
    }

    private double count(String table, String status) {
        // the table name is one of TABLES, never input
        return jdbc.sql("select count(*) from " + table + " where status = ?")
                .param(status)
                .query(Long.class)
                .single();
    }
}

package se.portvakt;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every integration test has: a clock tests can move, a clean database, fixtures. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {

    private static final AtomicBoolean cleaned = new AtomicBoolean();

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** On PostgreSQL the schema outlives the run: start each run from an empty one. */
    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return flyway -> {
            if (TestDatabase.postgresql() && cleaned.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }

    @Bean
    Fixtures fixtures(
            se.portvakt.organisation.Organisations organisations,
            se.portvakt.organisation.StaffDirectory staff,
            se.portvakt.booking.Rooms rooms) {
        return new Fixtures(organisations, staff, rooms);
    }

    @Bean
    se.portvakt.booking.TestBookings testBookings(
            se.portvakt.booking.internal.BookingService booking,
            se.portvakt.booking.InviteeLinks links,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        return new se.portvakt.booking.TestBookings(booking, links, transactions);
    }
}

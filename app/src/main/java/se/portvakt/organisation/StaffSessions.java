package se.portvakt.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends a staff member's logins on every node at once. Sessions live in the database (V8__sessions.sql) under
 * the principal's name, which for staff is the login e-mail (StaffPrincipal#getUsername); their attributes go
 * with them (on delete cascade).
 */
@Component
public class StaffSessions {

    private final JdbcClient jdbc;

    StaffSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends every session of the member; returns how many there were. */
    public int endAll(StaffUser member) {
        return jdbc.sql("delete from spring_session where principal_name = ?")
                .param(member.email())
                .update();
    }
}

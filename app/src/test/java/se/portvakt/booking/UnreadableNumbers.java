package se.portvakt.booking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes invitees' stored identity numbers undecryptable (an encryption version no node knows), so a test shows that
 * a read does not decrypt them: it would fail on the first. {@link #restore()} puts the numbers back.
 */
public final class UnreadableNumbers {

    static final String UNREADABLE = "v0:unreadable";

    private final JdbcClient jdbc;
    private final List<UUID> invitees = new ArrayList<>();
    private final List<String> stored = new ArrayList<>();

    public UnreadableNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every invitee of the meeting who is named by a number, except {@code kept}; how many were made unreadable. */
    public int inMeeting(UUID meetingId, UUID... kept) {
        List<UUID> keep = Arrays.asList(kept);
        int before = invitees.size();
        jdbc.sql("select id, pin_encrypted from invitee where meeting_id = ? and pin_encrypted is not null")
                .param(meetingId)
                .query((rs, n) -> {
                    UUID invitee = rs.getObject(1, UUID.class);
                    if (!keep.contains(invitee)) {
                        invitees.add(invitee);
                        stored.add(rs.getString(2));
                    }
                    return invitee;
                })
                .list();
        for (UUID invitee : invitees.subList(before, invitees.size())) {
            jdbc.sql("update invitee set pin_encrypted = ? where id = ?")
                    .params(UNREADABLE, invitee)
                    .update();
        }
        return invitees.size() - before;
    }

    /** Puts back every number this made unreadable. */
    public void restore() {
        for (int i = 0; i < invitees.size(); i++) {
            jdbc.sql("update invitee set pin_encrypted = ? where id = ?")
                    .params(stored.get(i), invitees.get(i))
                    .update();
        }
        invitees.clear();
        stored.clear();
    }
}

package se.portvakt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.StaffId;

class AuditEntryTest {

    @Test
    void detailsAreKeptInKeyOrderWithoutNullsAndWrittenAsTheSameJsonEveryTime() {
        AuditEntry entry = AuditEntry.of(null, AuditAction.MEETING_CHANGED, AuditActor.SYSTEM)
                .detail("b", 2)
                .detail("a", "x")
                .detail("none", null);
        assertThat(entry.details()).containsExactly(java.util.Map.entry("a", "x"), java.util.Map.entry("b", "2"));
        assertThat(AuditJson.write(entry.details())).isEqualTo("{\"a\":\"x\",\"b\":\"2\"}");
        assertThat(AuditJson.read(AuditJson.write(entry.details()))).isEqualTo(entry.details());
    }

    @Test
    void aSubjectIsAnIdNotText() {
        assertThatThrownBy(() -> AuditEntry.of(null, AuditAction.ROOM_ADDED, AuditActor.SYSTEM)
                        .subject("x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actorsAreIdsNeverEmails() {
        UUID id = UUID.fromString("7d3f9e0c-4a1b-4f7e-9a51-2f0c1d2e3f40");
        assertThat(AuditActor.staff(new StaffId(id)).value()).isEqualTo("staff:" + id);
        assertThat(AuditActor.guest(new InviteeId(id)).value()).isEqualTo("guest:" + id);
        assertThat(AuditActor.apiKey(id).value()).isEqualTo("api:" + id);
        assertThat(AuditActor.SYSTEM.value()).isEqualTo("system");
    }

    @Test
    void storedCodesReadBackAsTheirActionsAndUnknownOnesAsLegacy() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(AuditAction.ofCode(action.code())).isEqualTo(action);
        }
        assertThat(AuditAction.ofCode("participant.left")).isEqualTo(AuditAction.LEGACY);
    }

    @Test
    void olderPlainTextDetailsReadAsText() {
        assertThat(AuditJson.read("3 invitees, LOA2")).containsEntry("text", "3 invitees, LOA2");
    }
}

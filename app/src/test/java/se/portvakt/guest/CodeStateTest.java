package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.portvakt.guest.CodeState.Checked;
import se.portvakt.guest.CodeState.Locked;
import se.portvakt.guest.CodeState.Verified;
import se.portvakt.guest.CodeState.Wrong;

class CodeStateTest {

    static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final Duration LOCK = Duration.ofMinutes(15);
    static final int MAX = 5;
    static final String RIGHT = "aa".repeat(32);
    static final String WRONG = "bb".repeat(32);

    static CodeState sent() {
        return CodeState.NONE.withCode(RIGHT, IdentificationMethod.SMS_CODE, NOW, VALIDITY);
    }

    static Checked check(CodeState state, String hash, Instant at) {
        return state.check(hash, at, MAX, LOCK);
    }

    @Test
    void theRightCodeWorksOnceWithinItsValidity() {
        Checked first = check(sent(), RIGHT, NOW.plus(VALIDITY).minusMillis(1));

        assertThat(first.outcome()).isEqualTo(new Verified(IdentificationMethod.SMS_CODE));
        assertThat(check(first.next(), RIGHT, NOW.plusSeconds(10)).outcome()).isInstanceOf(Wrong.class);
    }

    @Test
    void anExpiredCodeIsWrong() {
        assertThat(check(sent(), RIGHT, NOW.plus(VALIDITY)).outcome()).isEqualTo(new Wrong(MAX - 1));
    }

    @Test
    void noCodeAtAllIsWrong() {
        assertThat(check(CodeState.NONE, RIGHT, NOW).outcome()).isEqualTo(new Wrong(MAX - 1));
    }

    @Test
    void theFifthWrongCodeLocksAndTheLockRefusesEvenTheRightCode() {
        CodeState state = sent();
        for (int left = MAX - 1; left >= 1; left--) {
            Checked checked = check(state, WRONG, NOW);
            assertThat(checked.outcome()).isEqualTo(new Wrong(left));
            state = checked.next();
        }
        Checked fifth = check(state, WRONG, NOW);
        assertThat(fifth.outcome()).isEqualTo(new Locked(NOW.plus(LOCK), true));

        Checked right = check(fifth.next(), RIGHT, NOW.plus(LOCK).minusMillis(1));
        assertThat(right.outcome()).isEqualTo(new Locked(NOW.plus(LOCK), false));
        assertThat(fifth.next().lockedAt(NOW.plus(LOCK).minusMillis(1))).isTrue();
        assertThat(fifth.next().lockedAt(NOW.plus(LOCK))).isFalse();
    }

    @Test
    void afterTheLockTheOldCodeIsGoneAndCountingStartsAfresh() {
        CodeState locked = new CodeState(null, null, null, 0, NOW.plus(LOCK));

        assertThat(check(locked, RIGHT, NOW.plus(LOCK)).outcome()).isEqualTo(new Wrong(MAX - 1));
        CodeState fresh = locked.withCode(RIGHT, IdentificationMethod.EMAIL_CODE, NOW.plus(LOCK), VALIDITY);
        assertThat(fresh.lockedUntil()).isNull();
        assertThat(check(fresh, RIGHT, NOW.plus(LOCK).plusSeconds(1)).outcome())
                .isEqualTo(new Verified(IdentificationMethod.EMAIL_CODE));
    }

    @Test
    void aNewCodeReplacesTheOldButDoesNotForgiveWrongTries() {
        CodeState state = sent();
        for (int i = 0; i < 3; i++) {
            state = check(state, WRONG, NOW).next();
        }
        CodeState renewed = state.withCode(WRONG, IdentificationMethod.SMS_CODE, NOW.plusSeconds(60), VALIDITY);

        assertThat(check(renewed, RIGHT, NOW.plusSeconds(61)).outcome())
                .as("the old code no longer works")
                .isEqualTo(new Wrong(1));
        assertThat(renewed.expiresAt()).isEqualTo(NOW.plusSeconds(60).plus(VALIDITY));
    }
}

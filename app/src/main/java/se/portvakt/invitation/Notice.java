package se.portvakt.invitation;

/** What a message tells an invitee; decides its subject line and its iCalendar METHOD. */
enum Notice {
    /** You are invited (a new meeting, or new to an existing one). */
    INVITATION("REQUEST"),
    /** The meeting you are invited to has changed. */
    UPDATE("REQUEST"),
    /** The meeting is cancelled for everyone. */
    CANCELLATION("CANCEL"),
    /** You were taken off the meeting; it goes on without you. */
    WITHDRAWAL("CANCEL");

    private final String calendarMethod;

    Notice(String calendarMethod) {
        this.calendarMethod = calendarMethod;
    }

    String calendarMethod() {
        return calendarMethod;
    }

    boolean cancels() {
        return calendarMethod.equals("CANCEL");
    }
}

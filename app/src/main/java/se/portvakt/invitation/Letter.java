package se.portvakt.invitation;

import java.util.List;

/**
 * The words of one invitation e-mail in the meeting's language. The text body, the HTML body and the
 * calendar DESCRIPTION are all made from it, so they never say different things.
 *
 * @param lang the language tag: sv, en or fi
 * @param information the host's information text as typed, or null
 * @param link the invitee's personal link, or null when the message cancels (the link no longer works)
 * @param equipmentTest the equipment test page (/testa) on the same site, and {@code equipmentTestNote} inviting to it
 */
record Letter(
        String lang,
        String subject,
        String intro,
        List<Fact> facts,
        String informationHeading,
        String information,
        String linkHeading,
        String link,
        String linkNote,
        String joinHeading,
        List<String> joinSteps,
        String browsersHeading,
        String browsers,
        String equipmentTestNote,
        String equipmentTest,
        String footer) {

    /** One labelled line: "Tid: måndag 3 mars ...". */
    record Fact(String label, String value) {}

    Letter {
        facts = List.copyOf(facts);
        joinSteps = List.copyOf(joinSteps);
    }

    boolean cancels() {
        return link == null;
    }

    /** The text/plain body; also the calendar event's description. */
    String plainText() {
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        facts.forEach(fact ->
                text.append(fact.label()).append(": ").append(fact.value()).append('\n'));
        if (information != null) {
            text.append('\n')
                    .append(informationHeading)
                    .append(":\n")
                    .append(information)
                    .append('\n');
        }
        if (!cancels()) {
            text.append('\n')
                    .append(linkHeading)
                    .append(":\n")
                    .append(link)
                    .append('\n')
                    .append(linkNote)
                    .append('\n');
            text.append('\n').append(joinHeading).append(":\n");
            for (int i = 0; i < joinSteps.size(); i++) {
                text.append(i + 1).append(". ").append(joinSteps.get(i)).append('\n');
            }
            text.append('\n')
                    .append(browsersHeading)
                    .append(":\n")
                    .append(browsers)
                    .append('\n');
            text.append(equipmentTestNote).append(' ').append(equipmentTest).append('\n');
        }
        return text.append("\n-- \n").append(footer).append('\n').toString();
    }
}

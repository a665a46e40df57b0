package se.portvakt.invitation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.config.Languages;

/** Renders the messages one invitee gets for one notice: an e-mail if they have an address, an SMS if wanted. */
@Component
class InvitationComposer {

    static final String EMAIL_TEMPLATE = "invitation/email";

    private final InvitationTexts texts;
    private final ITemplateEngine templates;
    private final Clock clock;

    InvitationComposer(MessageSource messages, ITemplateEngine templates, Clock clock) {
        this.texts = new InvitationTexts(messages);
        this.templates = templates;
        this.clock = clock;
    }

    List<Draft> compose(MeetingDetails meeting, InviteeDetails invitee, Notice notice, boolean smsEnabled) {
        List<Draft> drafts = new ArrayList<>(2);
        if (present(invitee.email())) {
            Letter letter = texts.letter(meeting, invitee, notice);
            String text = letter.plainText();
            String html = templates.process(
                    EMAIL_TEMPLATE, new Context(Languages.locale(meeting.language()), Map.of("letter", letter)));
            String calendar = CalendarInvite.render(meeting, invitee, notice, clock.instant(), text);
            drafts.add(new Draft(Channel.EMAIL, invitee.email(), letter.subject(), text, html, calendar));
        }
        if (smsEnabled && present(invitee.mobile())) {
            drafts.add(new Draft(Channel.SMS, invitee.mobile(), null, texts.sms(meeting, invitee, notice), null, null));
        }
        return drafts;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

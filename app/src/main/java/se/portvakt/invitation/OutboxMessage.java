package se.portvakt.invitation;

import java.time.Instant;
import java.util.UUID;

/** One row of the outbox: a rendered message and where it is on its way out. */
record OutboxMessage(
        UUID id,
        UUID organisationId,
        UUID meetingId,
        UUID inviteeId,
        Channel channel,
        String recipient,
        String subject,
        String bodyText,
        String bodyHtml,
        String calendar,
        String messageId,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Route deliveredVia,
        Instant createdAt,
        Instant sentAt) {}

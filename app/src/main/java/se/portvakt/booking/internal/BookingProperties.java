package se.portvakt.booking.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a booking may hold.
 *
 * @param maxAttachmentSize the largest file a meeting may carry
 * @param maxAttachments files per meeting
 * @param maxInvitees invitees per meeting
 */
@ConfigurationProperties("portvakt.booking")
public record BookingProperties(
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("10") int maxAttachments,
        @DefaultValue("50") int maxInvitees) {}

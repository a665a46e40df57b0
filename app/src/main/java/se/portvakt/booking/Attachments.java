package se.portvakt.booking;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.internal.Actor;
import se.portvakt.booking.internal.AttachmentType;
import se.portvakt.booking.internal.BookingProperties;
import se.portvakt.booking.internal.BookingRejected;
import se.portvakt.booking.internal.ChangeableMeetings;
import se.portvakt.booking.internal.MeetingStore;
import se.portvakt.config.SqlTime;
import se.portvakt.config.StorableText;
import se.portvakt.ids.MeetingId;

/**
 * Files attached to a meeting: checked by size, name and content, kept in the database
 * (so every app node sees them and a backup holds them), and served only to those allowed.
 */
@Service
public class Attachments {

    static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final MeetingStore meetings;
    private final BookingProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    private final ChangeableMeetings changeable;

    Attachments(
            JdbcClient jdbc,
            MeetingStore meetings,
            BookingProperties properties,
            AuditLog audit,
            Clock clock,
            ChangeableMeetings changeable) {
        this.changeable = changeable;
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is known of a file without its content. */
    public record AttachmentInfo(UUID id, String fileName, String contentType, long size) {}

    /** A file with its content, ready to send. */
    public record AttachmentFile(AttachmentInfo info, byte[] content) {}

    @Transactional
    public AttachmentInfo add(Actor actor, MeetingId meetingId, String originalName, byte[] content) {
        changeable.require(actor, meetingId.value());
        Instant now = clock.instant();
        String fileName = safeName(originalName)
                .orElseThrow(() -> BookingRejected.because("file", "booking.error.attachment-name"));
        if (content == null || content.length == 0) {
            throw BookingRejected.because("file", "booking.error.attachment-empty");
        }
        if (content.length > properties.maxAttachmentSize().toBytes()) {
            throw BookingRejected.because(
                    "file",
                    "booking.error.attachment-too-large",
                    properties.maxAttachmentSize().toMegabytes());
        }
        AttachmentType type = AttachmentType.byFileName(fileName)
                .orElseThrow(() -> BookingRejected.because("file", "booking.error.attachment-type"));
        if (!type.matches(content)) {
            throw BookingRejected.because("file", "booking.error.attachment-content");
        }
        if (list(meetingId).size() >= properties.maxAttachments()) {
            throw BookingRejected.because("file", "booking.error.too-many-attachments", properties.maxAttachments());
        }
        AttachmentInfo info = new AttachmentInfo(UUID.randomUUID(), fileName, type.contentType(), content.length);
        jdbc.sql("""
                insert into attachment (id, meeting_id, file_name, content_type, size_bytes, sha256, content, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        info.id(),
                        meetingId.value(),
                        fileName,
                        info.contentType(),
                        info.size(),
                        sha256(content),
                        content,
                        SqlTime.of(now))
                .update();
        audit.record(AuditEntry.of(actor.organisationId(), AuditAction.ATTACHMENT_ADDED, actor.auditActor())
                .meeting(meetingId)
                .subject(info.id())
                .detail("size", info.size())
                .personal("fileName", fileName));
        return info;
    }

    public List<AttachmentInfo> list(MeetingId meetingId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes from attachment
                where meeting_id = ? order by created_at, id""")
                .param(meetingId.value())
                .query((rs, row) -> new AttachmentInfo(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** A file of a meeting of the actor's organisation. */
    public Optional<AttachmentFile> file(Actor actor, MeetingId meetingId, UUID attachmentId) {
        if (!meetings.exists(actor.organisationId().value(), meetingId.value())) {
            return Optional.empty();
        }
        return file(meetingId, attachmentId);
    }

    /** A file of a meeting; the caller has checked the reader may see the meeting. */
    public Optional<AttachmentFile> file(MeetingId meetingId, UUID attachmentId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, content from attachment
                where meeting_id = ? and id = ?""")
                .params(meetingId.value(), attachmentId)
                .query((rs, n) -> new AttachmentFile(
                        new AttachmentInfo(
                                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4)),
                        rs.getBytes(5)))
                .optional();
    }

    @Transactional
    public boolean remove(Actor actor, MeetingId meetingId, UUID attachmentId) {
        if (!meetings.exists(actor.organisationId().value(), meetingId.value())) {
            return false;
        }
        changeable.require(actor, meetingId.value());
        boolean removed = jdbc.sql("delete from attachment where meeting_id = ? and id = ?")
                        .params(meetingId.value(), attachmentId)
                        .update()
                == 1;
        if (removed) {
            audit.record(AuditEntry.of(actor.organisationId(), AuditAction.ATTACHMENT_REMOVED, actor.auditActor())
                    .meeting(meetingId)
                    .subject(attachmentId));
        }
        return removed;
    }

    /** The file name without any path, control characters or characters that break a header. */
    static Optional<String> safeName(String originalName) {
        if (originalName == null) {
            return Optional.empty();
        }
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}\"<>|*?:]", "_");
        if (!StorableText.storable(name)) {
            return Optional.empty(); // a lone surrogate: no database stores the name as sent
        }
        if (name.isEmpty() || name.startsWith(".") || name.length() > MAX_NAME) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package se.portvakt.booking.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.Attachments.AttachmentInfo;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.internal.EditableMeeting;

/**
 * The JSON the booking API reads and writes (/api/v1). A meeting read from the API may be sent back,
 * changed, to PUT: the fields only the server writes are ignored there. Any other field the API does not
 * know is collected in {@code unknownFields} and refused, so a misspelt {@code "confidentail": true}
 * cannot book an open meeting by mistake. Times are read as text, so a malformed one is reported with
 * every other problem of the request rather than alone.
 */
final class ApiMeeting {

    private ApiMeeting() {}

    /** A meeting to book (POST) or a meeting's new state (PUT, with {@code version}). */
    @JsonIgnoreProperties({"id", "hostName", "status", "attachments"})
    @Schema(name = "MeetingRequest")
    record MeetingBody(
            @Schema(example = "Uppföljning") String title,

            @Schema(description = "The room's id; or give roomName")
            UUID roomId,

            @Schema(description = "The room's name as it appears in the calendar; instead of roomId")
            String roomName,

            @Schema(description = "A host of the organisation", example = "vera.vard@kommun.example")
            String hostEmail,

            @Schema(description = "ISO-8601 with offset", format = "date-time", example = "2026-12-01T09:00:00+01:00")
            String start,

            @Schema(description = "ISO-8601 with offset", format = "date-time", example = "2026-12-01T09:45:00+01:00")
            String end,

            AssuranceLevel assuranceLevel,

            @Schema(description = "Guests may join anonymously; default false")
            Boolean confidential,

            String information,

            @Schema(
                    description = "Language of the invitations",
                    allowableValues = {"sv", "en", "fi"},
                    defaultValue = "sv")
            String language,

            @Schema(description = "On PUT: with id kept or updated, without id added, left out removed")
            List<InviteeBody> invitees,

            @Schema(description = "PUT only: the version the change is based on")
            Integer version,

            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {}

    /** An invitee in a request; on PUT a masked or missing personal identity number keeps the one on file. */
    @JsonIgnoreProperties({"link"})
    @Schema(name = "InviteeRequest")
    record InviteeBody(
            UUID id,
            String name,
            String email,
            @Schema(example = "+46701234567") String mobile,
            @Schema(example = "19121212-1212") String personalIdentityNumber,

            @Schema(
                    description = "This invitee is the guardian of the invitee at this position (0-based) of the same "
                            + "list, e.g. a parent coming with their child; each still identifies themself",
                    example = "0")
            Integer guardianOf,

            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {}

    /** A meeting as the API shows it; times in the organisation's time zone. */
    record Meeting(
            UUID id,
            String title,
            UUID roomId,
            String roomName,
            String hostName,
            String hostEmail,
            OffsetDateTime start,
            OffsetDateTime end,
            AssuranceLevel assuranceLevel,
            boolean confidential,
            String information,
            String language,
            MeetingStatus status,
            int version,
            List<Invitee> invitees,
            List<Attachment> attachments) {

        static Meeting of(EditableMeeting meeting, List<AttachmentInfo> attachments) {
            MeetingDetails m = meeting.details();
            return new Meeting(
                    m.id().value(),
                    m.title(),
                    meeting.roomId(),
                    m.roomName(),
                    m.hostName(),
                    m.hostEmail(),
                    local(m.start(), m.zone()),
                    local(m.end(), m.zone()),
                    m.assuranceLevel(),
                    m.confidential(),
                    m.information(),
                    m.language(),
                    m.status(),
                    meeting.version(),
                    m.currentInvitees().stream().map(Invitee::of).toList(),
                    attachments.stream().map(Attachment::of).toList());
        }

        private static OffsetDateTime local(java.time.Instant instant, ZoneId zone) {
            return instant.atZone(zone).toOffsetDateTime();
        }
    }

    /** An invitee as the API shows it: never a full personal identity number. */
    record Invitee(
            UUID id,
            String name,
            String email,
            String mobile,

            @Schema(description = "Masked: YYYYMMDD-****", example = "19121212-****")
            String personalIdentityNumber,

            @Schema(description = "The invitee's personal link to the meeting")
            String link,

            @Schema(description = "The id of the invitee (a child) whom this one is the guardian of, if any")
            UUID guardianOf) {

        static Invitee of(InviteeDetails invitee) {
            return new Invitee(
                    invitee.id().value(),
                    invitee.name(),
                    invitee.email(),
                    invitee.mobile(),
                    invitee.maskedIdentityNumber(),
                    invitee.link(),
                    invitee.guardianOf() == null ? null : invitee.guardianOf().value());
        }
    }

    record Attachment(UUID id, String fileName, String contentType, long size) {

        static Attachment of(AttachmentInfo info) {
            return new Attachment(info.id(), info.fileName(), info.contentType(), info.size());
        }
    }

    record RoomSummary(UUID id, String name) {}

    /** One page of meetings, earliest start first; ask for the next page while {@code hasMore}. */
    record MeetingPage(
            OffsetDateTime from, OffsetDateTime to, int page, int size, boolean hasMore, List<Meeting> meetings) {}

    /** The shape of every error (RFC 9457 problem details); for the API description only. */
    @Schema(name = "Problem")
    record Problem(
            @Schema(description = "about:blank: the status says it all")
            String type,

            String title,
            int status,
            String detail,
            String instance,

            @Schema(description = "What is wrong, field by field; absent when nothing more is to be said")
            List<BookingApiErrors.ApiError> errors) {}
}

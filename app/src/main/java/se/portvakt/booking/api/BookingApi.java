package se.portvakt.booking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.portvakt.audit.AuditActor;
import se.portvakt.booking.Attachments;
import se.portvakt.booking.Attachments.AttachmentFile;
import se.portvakt.booking.Attachments.AttachmentInfo;
import se.portvakt.booking.MeetingNotFound;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.api.ApiMeeting.Attachment;
import se.portvakt.booking.api.ApiMeeting.Meeting;
import se.portvakt.booking.api.ApiMeeting.MeetingBody;
import se.portvakt.booking.api.ApiMeeting.MeetingPage;
import se.portvakt.booking.api.ApiMeeting.Problem;
import se.portvakt.booking.api.ApiMeeting.RoomSummary;
import se.portvakt.booking.api.ApiMeetingRequests.Resolved;
import se.portvakt.booking.internal.Actor;
import se.portvakt.booking.internal.BookingProblem;
import se.portvakt.booking.internal.BookingRejected;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.ids.MeetingId;
import se.portvakt.organisation.ApiKeys.ApiClient;

/** The booking API for other systems (a journal, a case system): JSON under /api/v1, one API key per system. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Booking", description = "Book, change and cancel meetings; attach files")
@ApiResponse(
        responseCode = "400",
        description = "Bad input; `errors` says what, field by field",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "401",
        description = "No valid API key",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "404",
        description = "No such meeting or file in the organisation",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "409",
        description = "Changed by someone else meanwhile, cancelled, or already held",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        schema = @Schema(implementation = Problem.class)))
class BookingApi {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_PAGE = 10_000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final BookingService booking;
    private final Attachments attachments;
    private final Rooms rooms;
    private final ApiMeetingRequests requests;
    private final Clock clock;

    BookingApi(BookingService booking, Attachments attachments, Rooms rooms, ApiMeetingRequests requests, Clock clock) {
        this.booking = booking;
        this.attachments = attachments;
        this.rooms = rooms;
        this.requests = requests;
        this.clock = clock;
    }

    @Operation(summary = "The organisation's rooms")
    @ApiResponse(
            responseCode = "200",
            description = "The rooms",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = RoomSummary.class))))
    @GetMapping("/rooms")
    List<RoomSummary> rooms(@Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return rooms.of(client.organisationId()).stream()
                .map(room -> new RoomSummary(room.id().value(), room.name()))
                .toList();
    }

    @Operation(summary = "Book a meeting; the invitees are sent their invitations")
    @ApiResponse(
            responseCode = "201",
            description = "Booked; Location names the meeting",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Meeting.class)))
    @PostMapping(path = "/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Meeting> book(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client, @RequestBody MeetingBody body) {
        Actor actor = actor(client);
        Resolved resolved = requests.resolve(client.organisationId(), body);
        UUID id;
        try {
            id = booking.book(actor, resolved.request());
        } catch (BookingRejected rejected) {
            throw resolved.explain(rejected);
        }
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(meeting(actor, id));
    }

    @Operation(summary = "Meetings starting in [from, to), earliest first, a page at a time")
    @ApiResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = MeetingPage.class)))
    @GetMapping("/meetings")
    MeetingPage list(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
            @Parameter(description = "ISO-8601 with offset; default now", schema = @Schema(format = "date-time"))
                    @RequestParam(required = false)
                    String from,
            @Parameter(
                            description = "ISO-8601 with offset; default 30 days after from",
                            schema = @Schema(format = "date-time"))
                    @RequestParam(required = false)
                    String to,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to " + MAX_PAGE_SIZE) @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE)
                    int size) {
        List<BookingProblem> problems = new ArrayList<>();
        OffsetDateTime start =
                ApiMeetingRequests.time("from", from, problems).orElseGet(() -> OffsetDateTime.now(clock));
        OffsetDateTime end = ApiMeetingRequests.time("to", to, problems).orElseGet(() -> start.plus(DEFAULT_WINDOW));
        if (problems.isEmpty() && !end.isAfter(start)) {
            problems.add(BookingProblem.of("to", "api.error.range"));
        }
        if (page < 0 || page > MAX_PAGE) {
            problems.add(BookingProblem.of("page", "api.error.page", String.valueOf(MAX_PAGE)));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(BookingProblem.of("size", "api.error.page-size", MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new BookingRejected(problems);
        }
        Actor actor = actor(client);
        List<Meeting> meetings = booking.between(actor, start.toInstant(), end.toInstant(), page, size).stream()
                .flatMap(details -> booking.find(actor, details.id().value()).stream())
                .map(meeting ->
                        Meeting.of(meeting, attachments.list(meeting.details().id())))
                .toList();
        // one meeting past this page, if any: a page of one at offset (page + 1) * size
        boolean hasMore = meetings.size() == size
                && !booking.between(actor, start.toInstant(), end.toInstant(), (page + 1) * size, 1)
                        .isEmpty();
        return new MeetingPage(start, end, page, size, hasMore, meetings);
    }

    @Operation(summary = "One meeting")
    @ApiResponse(
            responseCode = "200",
            description = "The meeting",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Meeting.class)))
    @GetMapping("/meetings/{id}")
    Meeting get(@Parameter(hidden = true) @AuthenticationPrincipal ApiClient client, @PathVariable UUID id) {
        return meeting(actor(client), id);
    }

    @Operation(summary = "Change a meeting as it was at `version`; invitees are told of the change")
    @ApiResponse(
            responseCode = "200",
            description = "The meeting as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Meeting.class)))
    @PutMapping(path = "/meetings/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Meeting change(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
            @PathVariable UUID id,
            @RequestBody MeetingBody body) {
        Actor actor = actor(client);
        if (body.version() == null) {
            booking.find(actor, id).orElseThrow(MeetingNotFound::new);
            throw BookingRejected.because("version", "api.error.version-required");
        }
        Resolved resolved = requests.resolve(client.organisationId(), body);
        try {
            booking.change(actor, id, body.version(), resolved.request());
        } catch (BookingRejected rejected) {
            throw resolved.explain(rejected);
        }
        return meeting(actor, id);
    }

    @Operation(summary = "Cancel a meeting; the invitees are told")
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @DeleteMapping("/meetings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@Parameter(hidden = true) @AuthenticationPrincipal ApiClient client, @PathVariable UUID id) {
        booking.cancel(actor(client), id);
    }

    @Operation(summary = "Attach a file (multipart part `file`)")
    @ApiResponse(
            responseCode = "201",
            description = "Attached; Location names the file",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Attachment.class)))
    @ApiResponse(
            responseCode = "413",
            description = "The file is larger than allowed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = Problem.class)))
    @PostMapping(path = "/meetings/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Attachment> attach(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
            @PathVariable UUID id,
            @RequestParam("file") MultipartFile file)
            throws IOException {
        AttachmentInfo info =
                attachments.add(actor(client), new MeetingId(id), file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + id + "/attachments/" + info.id()))
                .body(Attachment.of(info));
    }

    @Operation(summary = "Download an attached file")
    @ApiResponse(
            responseCode = "200",
            description = "The file, with its content type and name",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/meetings/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
            @PathVariable UUID id,
            @PathVariable UUID attachmentId) {
        AttachmentFile file =
                attachments.file(actor(client), new MeetingId(id), attachmentId).orElseThrow(AttachmentNotFound::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.info().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.info().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.content());
    }

    @Operation(summary = "Remove an attached file")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/meetings/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void detach(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
            @PathVariable UUID id,
            @PathVariable UUID attachmentId) {
        if (!attachments.remove(actor(client), new MeetingId(id), attachmentId)) {
            throw new AttachmentNotFound();
        }
    }

    private Meeting meeting(Actor actor, UUID id) {
        return booking.find(actor, id)
                .map(meeting -> Meeting.of(meeting, attachments.list(new MeetingId(id))))
                .orElseThrow(MeetingNotFound::new);
    }

    private static Actor actor(ApiClient client) {
        return new Actor(client.organisationId(), AuditActor.apiKey(client.keyId()));
    }

    /** No such file on a meeting of the caller's organisation. */
    static class AttachmentNotFound extends RuntimeException {
        AttachmentNotFound() {
            super("No such attachment");
        }
    }
}

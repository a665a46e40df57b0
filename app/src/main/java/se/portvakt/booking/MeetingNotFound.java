package se.portvakt.booking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such meeting in the actor's organisation: the same answer whether it does not exist or is another's. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MeetingNotFound extends RuntimeException {
    public MeetingNotFound() {
        super("No such meeting");
    }
}

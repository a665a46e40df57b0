package se.portvakt.meeting;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.portvakt.lobby.Lobby;

/**
 * The server's limits that the pages' scripts also need, given to every page's model so they are defined once;
 * the texts template ({@code meeting/room :: texts}) writes them as data attributes (Thymeleaf may not read
 * static fields itself).
 */
@ControllerAdvice
class PageLimits {

    @ModelAttribute("maxDenyMessage")
    int maxDenyMessage() {
        return Lobby.MAX_DENY_MESSAGE;
    }
}

package se.portvakt.citizen;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The help page (no login): the crossed-out icons, allowing camera and microphone per browser and phone, headsets. */
@Controller
class HelpController {

    /** The browsers and phones the page explains, in this order; each has a title and steps in i18n/citizen. */
    static final List<String> PLATFORMS = List.of("chrome", "edge", "safari", "firefox", "iphone", "android");

    @GetMapping("/hjalp")
    String help(Model model) {
        model.addAttribute("platforms", PLATFORMS);
        return "citizen/help";
    }
}

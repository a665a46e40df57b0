package se.portvakt.identity.freja.simulator;

import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.freja.FrejaApiException;

/**
 * Where the local Freja eID simulator answers: this very server. The port is known only once the web server
 * runs (tests take a random one), so the client asks at each call rather than at start-up.
 */
@Component
@ConditionalOnIdentitySimulators
public class FrejaSimulatorAddress implements ApplicationListener<WebServerInitializedEvent> {

    static final String API_PATH = "/simulator/freja/api";

    private final String contextPath;
    private volatile int port;

    public FrejaSimulatorAddress(Environment environment) {
        this.contextPath = environment.getProperty("server.servlet.context-path", "");
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // a separate management server has its own namespace; the simulator lives on the main one
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    public URI baseUrl() {
        if (port <= 0) {
            throw new FrejaApiException(0, 0, "The Freja eID simulator is not listening yet", null);
        }
        return URI.create("http://127.0.0.1:" + port + contextPath + API_PATH);
    }
}

package se.portvakt.identity.bankid.simulator;

import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Where the built-in simulator's RP API listens: on this very server, over plain HTTP on the loopback address.
 * The port is known only once the web server has started (tests use a random one), so it is looked up at the
 * first call rather than when the client is built.
 */
public class SimulatorAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final Environment environment;
    private volatile int port;

    public SimulatorAddress(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // a separate management server has its own namespace; the simulator lives on the main one
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    public URI rpApi() {
        int known = port;
        if (known <= 0) {
            known = environment.getProperty(
                    "local.server.port", Integer.class, environment.getProperty("server.port", Integer.class, 8080));
        }
        return URI.create("http://127.0.0.1:" + known + BankIdSimulatorApi.PATH);
    }
}

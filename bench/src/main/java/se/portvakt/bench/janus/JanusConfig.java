package se.portvakt.bench.janus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Janus configuration the benchmark runs with, written under the output directory: ICE-lite, only
 * the VideoRoom plugin and the HTTP transport, no event handlers or loggers, warnings-only logging. Rooms are
 * created per sweep point through the API with the same bitrate cap as Portvakt's REMB ceiling.
 *
 * <p>libnice gathers no loopback candidates, so Janus's host candidate is the machine's own address; packets
 * to it never leave the machine (the kernel delivers local addresses through its loopback path, as for 127.0.0.1).
 */
final class JanusConfig {
    /** Debian's layout of the janus package. */
    static final Path LIBRARIES = Path.of("/usr/lib/x86_64-linux-gnu/janus");

    static final int HTTP_PORT = 18_088;
    /** Portvakt's REMB ceiling (EstimatorSettings' max), used as the room's bitrate cap. */
    static final long BITRATE_CAP = 2_500_000;

    private JanusConfig() {}

    static Path write(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("janus-conf"));
        Files.writeString(conf.resolve("janus.jcfg"), """
                general: {
                    configs_folder = "%s"
                    plugins_folder = "%s/plugins"
                    transports_folder = "%s/transports"
                    events_folder = "%s/events"
                    loggers_folder = "%s/loggers"
                    debug_level = %s
                    session_timeout = 120
                    server_name = "portvakt-bench"
                }
                certificates: {
                }
                media: {
                    rtp_port_range = "20000-40000"
                }
                nat: {
                    nice_debug = %s
                    ice_lite = true
                    ice_tcp = false
                    full_trickle = false
                }
                plugins: {
                    disable = "libjanus_audiobridge.so,libjanus_duktape.so,libjanus_echotest.so,libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_streaming.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so"
                }
                transports: {
                    disable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so,libjanus_websockets.so"
                }
                loggers: {
                    disable = "libjanus_jsonlog.so"
                }
                events: {
                    broadcast = false
                }
                """.formatted(
                        conf.toAbsolutePath(),
                        LIBRARIES,
                        LIBRARIES,
                        LIBRARIES,
                        LIBRARIES,
                        System.getProperty("bench.janus.debug", "3"),
                        System.getProperty("bench.janus.nice", "false")));
        Files.writeString(conf.resolve("janus.transport.http.jcfg"), """
                general: {
                    json = "compact"
                    base_path = "/janus"
                    http = true
                    port = %d
                    ip = "127.0.0.1"
                    https = false
                }
                admin: {
                    admin_http = false
                    admin_https = false
                }
                """.formatted(HTTP_PORT));
        Files.writeString(conf.resolve("janus.plugin.videoroom.jcfg"), """
                general: {
                }
                """);
        return conf;
    }
}

package se.portvakt.meeting;

import java.net.InetSocketAddress;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.Sfus;

/**
 * The in-process SFU: one UDP port for every meeting's media, with the BouncyCastle DTLS layer; closed when the
 * application stops.
 */
@Configuration
class MediaConfig {

    /**
     * @param bindAddress where the UDP socket listens ({@code portvakt.media.bind-address})
     * @param port the UDP port, 0 for any free one ({@code portvakt.media.udp-port})
     * @param advertised the address put into answers as our host candidate, if not the bind address
     *                   ({@code portvakt.media.advertised-address}); it carries the same port
     */
    @Bean(destroyMethod = "close")
    Sfu sfu(@Value("${portvakt.media.bind-address:127.0.0.1}") String bindAddress,
            @Value("${portvakt.media.udp-port:10000}") int port,
            @Value("${portvakt.media.advertised-address:}") String advertised) {
        InetSocketAddress shown = advertised.isBlank() ? null : new InetSocketAddress(advertised, port);
        return Sfus.start(new InetSocketAddress(bindAddress, port), shown, Clock.systemUTC());
    }
}

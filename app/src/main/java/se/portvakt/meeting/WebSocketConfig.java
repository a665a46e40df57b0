package se.portvakt.meeting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The signaling endpoint {@code /ws}: same origin only (a page elsewhere cannot ride on the session cookie),
 * authenticated by {@link SignalingHandshake}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

    private final SignalingHandler handler;
    private final SignalingHandshake handshake;

    WebSocketConfig(SignalingHandler handler, SignalingHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws").addInterceptors(handshake);
    }

    @Bean
    ServletServerContainerFactoryBean signalingContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        // room above MAX_MESSAGE_BYTES so an oversized message gets an error reply instead of a dropped socket
        container.setMaxTextMessageBufferSize(SignalingHandler.MAX_PUBLISH_BYTES + 32 * 1024);
        container.setMaxBinaryMessageBufferSize(1024);
        container.setMaxSessionIdleTimeout(120_000L);
        return container;
    }
}

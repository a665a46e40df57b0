package se.portvakt.equipment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The equipment test's echo sessions.
 *
 * @param echoDuration      how long an echo session lives before the SFU ends it, whatever the browser does
 * @param echoesPerAddress  echo sessions one client address may open within {@code echoWindow}
 * @param echoWindow        the sliding window of that limit
 * @param echoesAtOnce      echo sessions open at once on this node, all addresses together (the SFU serves meetings
 *                          first)
 */
@ConfigurationProperties("portvakt.equipment")
record EquipmentProperties(
        @DefaultValue("PT60S") Duration echoDuration,
        @DefaultValue("6") int echoesPerAddress,
        @DefaultValue("PT10M") Duration echoWindow,
        @DefaultValue("20") int echoesAtOnce) {}

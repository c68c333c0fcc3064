package org.rectify.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling ({@code rectify.login.*}): after {@code maxFailures} wrong passwords in a row a login is locked
 * for {@code lockDuration}; after {@code maxFailuresPerAddress} failures from one client address within
 * {@code addressWindow}, that address may not try again until the window has passed.
 */
@ConfigurationProperties("rectify.login")
public record LoginProperties(Integer maxFailures, Duration lockDuration, Integer maxFailuresPerAddress,
        Duration addressWindow) {

    public LoginProperties {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
        addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
    }
}

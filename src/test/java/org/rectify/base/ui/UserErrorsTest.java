package org.rectify.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;

class UserErrorsTest {

    @Test
    void aBrowserThatWentAwayIsNotAnError() {
        assertThat(UserErrors.clientGone(new IllegalStateException("writing the answer",
                new ClientAbortException(new IOException("Broken pipe"))))).isTrue();
        assertThat(UserErrors.clientGone(new IOException("Connection reset by peer"))).isTrue();
    }

    @Test
    void otherFailuresStillAre() {
        assertThat(UserErrors.clientGone(new IllegalStateException("boom", new IOException("disk full")))).isFalse();
        assertThat(UserErrors.clientGone(new NullPointerException())).isFalse();
    }
}

package org.rectify.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new installation has no login. When {@code rectify.admin.username} and {@code rectify.admin.password} are set
 * (e.g. RECTIFY_ADMIN_USERNAME / RECTIFY_ADMIN_PASSWORD for the first start), the first office login is created
 * from them; once any login exists the settings are ignored and can be removed.
 */
@Component
@Order(10)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserService users;
    private final String username;
    private final String password;

    FirstAdmin(UserService users, @Value("${rectify.admin.username:}") String username,
            @Value("${rectify.admin.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank()) {
            return;
        }
        if (users.createFirstAdmin(username, password, "党委办公室管理员")) {
            log.info("Created the first office login '{}'", username);
        }
    }
}

package org.rectify.mail;

import org.rectify.base.InvalidActionException;
import org.rectify.base.NotAllowedException;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reminder windows: defaults from application.properties, changed by the office in the portal. */
@Service
@Transactional
public class ReminderSettings {

    static final String DUE_SOON = "mail.due-soon-days";
    static final String ESCALATION = "mail.escalation-days";

    private final AppSettingRepository settings;
    private final MailProperties properties;
    private final CurrentUser currentUser;

    public ReminderSettings(AppSettingRepository settings, MailProperties properties, CurrentUser currentUser) {
        this.settings = settings;
        this.properties = properties;
        this.currentUser = currentUser;
    }

    public record Windows(int dueSoonDays, int escalationDays) {
    }

    @Transactional(readOnly = true)
    public Windows windows() {
        return new Windows(read(DUE_SOON, properties.dueSoonDays()), read(ESCALATION, properties.escalationDays()));
    }

    public Windows update(int dueSoonDays, int escalationDays) {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
        if (dueSoonDays < 1 || dueSoonDays > 60 || escalationDays < 1 || escalationDays > 365) {
            throw new InvalidActionException("mail.settings.range");
        }
        write(DUE_SOON, dueSoonDays);
        write(ESCALATION, escalationDays);
        return windows();
    }

    private int read(String name, int fallback) {
        return settings.findById(name).map(s -> Integer.parseInt(s.getValue())).orElse(fallback);
    }

    private void write(String name, int value) {
        settings.findById(name).ifPresentOrElse(s -> s.setValue(String.valueOf(value)),
                () -> settings.save(new AppSetting(name, String.valueOf(value))));
    }
}

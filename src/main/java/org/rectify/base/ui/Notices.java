package org.rectify.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The short confirmation after a change ("已保存"), shown the same way everywhere. */
public final class Notices {

    private Notices() {
    }

    public static void done(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}

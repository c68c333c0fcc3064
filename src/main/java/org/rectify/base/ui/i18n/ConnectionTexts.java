package org.rectify.base.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What the browser shows when the server cannot be reached or the session is gone, in the user's language. By
 * default Vaadin reloads silently on an expired session, so a user whose server restarted under an open dialog found
 * themselves on the login page without a word; here they are told first, and the reload happens on their click.
 */
@Component
public class ConnectionTexts implements VaadinServiceInitListener {

    private final RectifyI18NProvider texts;

    public ConnectionTexts(RectifyI18NProvider texts) {
        this.texts = texts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> messages(
                // The session may be gone: the language comes from the user's remembered choice.
                info.getRequest() != null ? LocaleSelection.fromRequest(info.getRequest()) : info.getLocale()));
        event.getSource().addUIInitListener(e -> indicator(e.getUI()));
    }

    CustomizedSystemMessages messages(Locale locale) {
        CustomizedSystemMessages m = new CustomizedSystemMessages();
        m.setSessionExpiredNotificationEnabled(true);
        m.setSessionExpiredCaption(t("connection.sessionExpired.caption", locale));
        m.setSessionExpiredMessage(t("connection.sessionExpired.message", locale));
        m.setInternalErrorNotificationEnabled(true);
        m.setInternalErrorCaption(t("connection.internalError.caption", locale));
        m.setInternalErrorMessage(t("connection.internalError.message", locale));
        m.setCookiesDisabledCaption(t("connection.cookies.caption", locale));
        m.setCookiesDisabledMessage(t("connection.cookies.message", locale));
        return m;
    }

    /** The connection indicator's texts (Vaadin maps the reconnect dialog's texts onto it). */
    private void indicator(UI ui) {
        Locale locale = ui.getLocale();
        ui.getReconnectDialogConfiguration().setDialogText(t("connection.reconnecting", locale));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(t("connection.lost", locale));
    }

    private String t(String key, Locale locale) {
        return texts.getTranslation(key, locale);
    }
}

package org.rectify.base.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Texts from {@code i18n/messages_zh_CN.properties} (the default) and {@code i18n/messages_en.properties}.
 * A missing key shows as {@code !key!} so that it is noticed, and is logged.
 */
@Component
public class RectifyI18NProvider implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "i18n/messages";
    private static final Logger log = LoggerFactory.getLogger(RectifyI18NProvider.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = supported(locale);
        try {
            String pattern = bundle(effective).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation '{}' for {}", key, effective);
            return "!" + key + "!";
        }
    }

    public static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : CHINESE;
    }

    /** Each language named in itself, so that a user lost in the other one finds theirs. */
    public static String nativeName(Locale locale) {
        return supported(locale).equals(ENGLISH) ? "English" : "中文";
    }

    private static ResourceBundle bundle(Locale locale) {
        // No fallback to the JVM's default locale: an English server must still serve Chinese by default.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

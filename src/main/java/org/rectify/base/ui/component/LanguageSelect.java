package org.rectify.base.ui.component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import org.rectify.base.ui.i18n.LocaleSelection;
import org.rectify.base.ui.i18n.RectifyI18NProvider;

/** 中文 / English: switches the language and reloads the page in it. */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect() {
        setItems(RectifyI18NProvider.CHINESE, RectifyI18NProvider.ENGLISH);
        setItemLabelGenerator(LanguageSelect::label);
        setValue(RectifyI18NProvider.supported(getLocale()));
        setAriaLabel(getTranslation("nav.language"));
        setWidth("7.5em");
        addClassName("language-select");
        addValueChangeListener(e -> {
            if (e.isFromClient()) {
                LocaleSelection.choose(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }

    /** Each language named in itself, so that a user lost in the other one finds theirs. */
    public static String label(Locale locale) {
        return locale.equals(RectifyI18NProvider.ENGLISH) ? "English" : "中文";
    }
}

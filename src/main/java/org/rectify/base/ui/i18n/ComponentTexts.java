package org.rectify.base.ui.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import java.util.Arrays;
import java.util.List;

/**
 * The texts inside Vaadin's own components (date picker, later upload and login form) in the user's language,
 * and the one date format of the portal: yyyy-MM-dd.
 */
public final class ComponentTexts {

    public static final String DATE_PATTERN = "yyyy-MM-dd";

    private ComponentTexts() {
    }

    public static DatePicker datePicker(Component owner, String labelKey) {
        DatePicker picker = new DatePicker(owner.getTranslation(labelKey));
        picker.setI18n(datePickerI18n(owner));
        picker.setClearButtonVisible(true);
        return picker;
    }

    public static DatePickerI18n datePickerI18n(Component owner) {
        DatePickerI18n i18n = new DatePickerI18n();
        i18n.setMonthNames(list(owner, "datePicker.months"));
        i18n.setWeekdays(list(owner, "datePicker.weekdays"));
        i18n.setWeekdaysShort(list(owner, "datePicker.weekdaysShort"));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(owner.getTranslation("datePicker.today"));
        i18n.setCancel(owner.getTranslation("datePicker.cancel"));
        i18n.setDateFormat(DATE_PATTERN);
        return i18n;
    }

    private static List<String> list(Component owner, String key) {
        return Arrays.stream(owner.getTranslation(key).split(",")).map(String::trim).toList();
    }
}

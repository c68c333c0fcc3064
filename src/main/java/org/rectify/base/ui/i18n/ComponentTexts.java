package org.rectify.base.ui.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.Arrays;
import java.util.List;

/**
 * The texts inside Vaadin's own components (date picker, upload; the login form's are in its view) in the user's
 * language,
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

    public static UploadI18N uploadI18n(Component owner) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(owner.getTranslation("upload.dropOne"))
                .setMany(owner.getTranslation("upload.dropMany")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(owner.getTranslation("upload.addOne"))
                .setMany(owner.getTranslation("upload.addMany")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(owner.getTranslation("upload.tooMany"))
                .setFileIsTooBig(owner.getTranslation("upload.tooBig"))
                .setIncorrectFileType(owner.getTranslation("upload.badType")));
        i18n.setFile(new UploadI18N.File().setRetry(owner.getTranslation("upload.retry"))
                .setStart(owner.getTranslation("upload.start")).setRemove(owner.getTranslation("upload.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(owner.getTranslation("upload.connecting"))
                        .setStalled(owner.getTranslation("upload.stalled"))
                        .setProcessing(owner.getTranslation("upload.processing"))
                        .setHeld(owner.getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(owner.getTranslation("upload.remaining"))
                        .setUnknown(owner.getTranslation("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(owner.getTranslation("upload.serverUnavailable"))
                        .setUnexpectedServerError(owner.getTranslation("upload.serverError"))
                        .setForbidden(owner.getTranslation("upload.forbidden"))));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        return i18n;
    }

    private static List<String> list(Component owner, String key) {
        return Arrays.stream(owner.getTranslation(key).split(",")).map(String::trim).toList();
    }
}

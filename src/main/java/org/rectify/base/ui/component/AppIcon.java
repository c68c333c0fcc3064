package org.rectify.base.ui.component;

import java.util.Locale;

/**
 * The icons the portal shows, drawn from its own small icon set ({@code frontend/components/rectify-icons.js})
 * rather than Vaadin's {@code VaadinIcon}: that one's {@code Icon} component makes every first visit load all
 * 636 of Vaadin's icons for the few dozen used here. Names and shapes are Vaadin's.
 */
public enum AppIcon {
    ARROW_BACKWARD, ARROW_DOWN, ARROW_FORWARD, ARROW_UP, BAN, BELL_O,
    CALENDAR_CLOCK, CALENDAR_O, CALENDAR_USER, CAMERA, CHECK, CHECK_CIRCLE,
    CHECK_CIRCLE_O, CLIPBOARD_CHECK, CLIPBOARD_TEXT, CLOSE_SMALL, DASHBOARD, DOWNLOAD_ALT,
    EDIT, ENVELOPES_O, FILE_TABLE, FILE_TEXT, FILE_TEXT_O, FILTER,
    GLOBE, INFO_CIRCLE_O, KEY, LOCK, MEGAPHONE, PAPERPLANE_O,
    PLUS, PLUS_SQUARE_O, PRINT, QUESTION_CIRCLE_O, REFRESH, SEARCH,
    SIGN_IN, SIGN_OUT, SITEMAP, TABLE, TAGS, TRASH,
    UPLOAD, USERS, USER_CARD, WARNING;

    /** The icon set's name, as in {@code Iconset.register}; {@code @Menu(icon = ...)} values start with it. */
    public static final String SET = "rectify";

    /** The id inside the set, e.g. {@code plus-square-o}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code rectify:plus-square-o}, the value of the element's {@code icon} attribute. */
    public String qualifiedName() {
        return SET + ":" + id();
    }

    public AppIconElement create() {
        return new AppIconElement(qualifiedName());
    }
}

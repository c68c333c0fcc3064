package org.rectify.base.ui.component;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.icon.AbstractIcon;

/** A {@code <vaadin-icon>} showing one of the portal's own icons ({@link AppIcon}). */
@Tag("vaadin-icon")
@JsModule("./components/rectify-icons.js")
public class AppIconElement extends AbstractIcon<AppIconElement> {

    /** @param icon a qualified name such as {@code rectify:plus}, e.g. a view's {@code @Menu(icon = ...)} */
    public AppIconElement(String icon) {
        getElement().setAttribute("icon", icon);
    }

    public String getIcon() {
        return getElement().getAttribute("icon");
    }

    @Override
    public void setColor(String color) {
        if (color == null) {
            getStyle().remove("fill");
        } else {
            getStyle().set("fill", color);
        }
    }

    @Override
    public String getColor() {
        return getStyle().get("fill");
    }
}

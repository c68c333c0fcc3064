package org.rectify.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;

/** Pickers whose entries are long names (meetings, units): never cut off, in the list or in the field. */
public final class Pickers {

    private Pickers() {
    }

    /**
     * The drop-down is as wide as the longest entry needs (up to the screen), and the field shows the whole chosen
     * entry as its tooltip when it is too narrow to show it.
     */
    public static <T> ComboBox<T> wide(ComboBox<T> box) {
        box.getStyle().set("--vaadin-combo-box-overlay-width", "min(36em, 96vw)");
        box.addClassName("wide-picker");
        box.addValueChangeListener(e -> box.setTooltipText(e.getValue() == null ? null
                : box.getItemLabelGenerator().apply(e.getValue())));
        return box;
    }
}

package org.rectify.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.rectify.base.ui.Notices;
import org.rectify.base.ui.UserErrors;
import org.rectify.security.CurrentUser;
import org.rectify.security.UserService;

/**
 * 修改密码: any user, any time; and the only page a user sees after logging in with an initial password until they
 * have chosen their own.
 */
@Route("account/password")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    public ChangePasswordView(UserService users, CurrentUser currentUser) {
        addClassName("password-view");
        setMaxWidth("32rem");
        H2 title = new H2(getTranslation("password.title"));
        title.addClassName("view-title");
        add(title);
        if (currentUser.mustChangePassword()) {
            Paragraph first = new Paragraph(getTranslation("password.firstLogin"));
            first.addClassName("first-login");
            first.setId("first-login");
            add(first);
        }
        PasswordField current = new PasswordField(getTranslation("password.current"));
        current.setId("password-current");
        PasswordField next = new PasswordField(getTranslation("password.new"));
        next.setHelperText(getTranslation("users.passwordHelp"));
        next.setId("password-new");
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        repeat.setId("password-repeat");
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setWidthFull();
        }
        Div error = new Div();
        error.addClassName("form-error");
        error.setId("password-error");
        error.setVisible(false);
        Button save = new Button(getTranslation("password.save"), e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                error.setText(getTranslation("password.mismatch"));
                error.setVisible(true);
                return;
            }
            try {
                users.changeOwnPassword(current.getValue(), next.getValue());
                Notices.done(getTranslation("password.changed"));
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (RuntimeException ex) {
                error.setText(UserErrors.text(this, ex));
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setId("password-save");
        add(error, current, next, repeat, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " · " + getTranslation("app.name");
    }
}

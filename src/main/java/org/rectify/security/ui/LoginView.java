package org.rectify.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.rectify.base.ui.component.LanguageSelect;
import org.springframework.beans.factory.annotation.Value;

/** 登录: Vaadin's login form posting to Spring Security, in the user's language. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    public LoginView(@Value("${rectify.demo-data:false}") boolean demo) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n());

        Div brand = new Div();
        brand.addClassName("login-brand");
        brand.setText(getTranslation("app.name"));
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");
        LanguageSelect language = new LanguageSelect();
        language.addClassName("login-language");
        add(language, brand, tagline, login);
        if (demo) {
            Div hint = new Div();
            hint.addClassName("login-demo-hint");
            hint.setText(getTranslation("login.demoHint"));
            add(hint);
        }
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}

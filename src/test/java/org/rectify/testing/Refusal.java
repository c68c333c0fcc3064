package org.rectify.testing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.H2;
import org.rectify.base.ui.error.RefusedPage;

/** What a user sees when their role may not open a page: the refusal page, and nothing of the page itself. */
public final class Refusal {

    private Refusal() {
    }

    public static void assertRefused() {
        assertThat(_find(RefusedPage.class)).as("the refusal page is shown").hasSize(1);
        assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText()).isEqualTo("无权访问");
    }
}

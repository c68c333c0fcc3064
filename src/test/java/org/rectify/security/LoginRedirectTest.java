package org.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.rectify.testing.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A link from a mail, opened while logged out, leads through the login back to the same address: with the same
 * parameters and no others (Spring Security 6 would add "continue", which the ledger reports as an unknown filter).
 */
@H2Test
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:rectify-login;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class LoginRedirectTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aMailLinkOpensAfterTheLoginWithExactlyItsOwnParameters() throws Exception {
        accounts.save(new UserAccount("mail-link", encoder.encode("secret-123"), "办公室", Role.OFFICE, null, null));

        MvcResult link = mvc.perform(get("/ledger").queryParam("overdue", "1").queryParam("group", "none")
                .accept(MediaType.TEXT_HTML).header("Sec-Fetch-Dest", "document")).andReturn();
        assertThat(link.getResponse().getStatus()).isEqualTo(302);
        assertThat(link.getResponse().getRedirectedUrl()).endsWith("/login");
        MockHttpSession session = (MockHttpSession) link.getRequest().getSession(false);
        assertThat(session).as("the link was saved for after the login").isNotNull();

        MvcResult login = mvc.perform(post("/login").session(session).param("username", "mail-link")
                .param("password", "secret-123").with(csrf())).andReturn();
        assertThat(login.getResponse().getStatus()).isEqualTo(302);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("http://localhost/ledger?overdue=1&group=none");
    }
}

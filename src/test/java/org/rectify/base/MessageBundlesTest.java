package org.rectify.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.rectify.base.domain.Labelled;
import org.rectify.base.ui.i18n.RectifyI18NProvider;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.MeasureStatus;
import org.rectify.ledger.MeasureType;
import org.rectify.ledger.ProblemScope;
import org.rectify.ledger.ProblemSource;
import org.rectify.meeting.MeetingKind;
import org.rectify.meeting.MeetingStatus;
import org.rectify.org.Position;
import org.rectify.org.UnitKind;

/** Chinese and English texts: the same keys in both, a label for every code, Chinese by default. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").keySet())
                .containsExactlyInAnyOrderElementsOf(load("messages_zh_CN.properties").keySet());
    }

    @Test
    void everyCodeHasALabel() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        for (Class<? extends Labelled> type : java.util.List.of(MeasureStatus.class, MeasureType.class,
                ProblemSource.class, ProblemScope.class, LedgerGrouping.class, MeetingKind.class,
                org.rectify.mail.MailStatus.class, org.rectify.mail.MailKind.class, org.rectify.ledger.EventKind.class,
                org.rectify.security.Role.class,
                MeetingStatus.class, Position.class, UnitKind.class,
                org.rectify.disclosure.DisclosureService.PublicState.class)) {
            Arrays.stream(type.getEnumConstants()).forEach(c ->
                    assertThat(zh.getProperty(c.messageKey())).as(c.messageKey()).isNotBlank());
        }
    }

    @Test
    void aQuoteInATextWithPlaceholdersIsDoubled() throws IOException {
        // MessageFormat reads a lone ' as the start of a quoted part, which would swallow the {0} after it.
        for (String bundle : java.util.List.of("messages_en.properties", "messages_zh_CN.properties")) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                if (v.matches("(?s).*\\{\\d.*")) {
                    assertThat(v.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsAvailable() {
        RectifyI18NProvider i18n = new RectifyI18NProvider();
        assertThat(i18n.getProvidedLocales().get(0)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(i18n.getTranslation("ledger.title", null)).isEqualTo("整改台账");
        assertThat(i18n.getTranslation("ledger.title", Locale.GERMAN)).isEqualTo("整改台账");
        assertThat(i18n.getTranslation("ledger.title", Locale.US)).isEqualTo("Rectification ledger");
        assertThat(i18n.getTranslation("alert.overdue", Locale.SIMPLIFIED_CHINESE, 3)).isEqualTo("逾期3天");
        assertThat(i18n.getTranslation("no.such.key", Locale.SIMPLIFIED_CHINESE)).isEqualTo("!no.such.key!");
    }
}

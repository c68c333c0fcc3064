package org.rectify.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders mails: HTML from the Thymeleaf templates in {@code templates/mail/} (user text escaped by th:text),
 * and a plain-text part with the same lines for mail clients that want it.
 */
@Component
class MailComposer {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ITemplateEngine templates;

    MailComposer(ITemplateEngine templates) {
        this.templates = templates;
    }

    String html(String template, Map<String, Object> model) {
        Context context = new Context(CHINESE);
        context.setVariables(model);
        return templates.process("mail/" + template, context);
    }

    /**
     * A plain-text body: a greeting, titled sections of lines, a closing. Blank lines are left out: a field the
     * HTML leaves out (a decision without a note) must not leave an empty bullet here.
     */
    static String text(String greeting, List<Map.Entry<String, List<String>>> sections, String closing) {
        StringBuilder out = new StringBuilder(greeting).append("\n\n");
        for (Map.Entry<String, List<String>> section : sections) {
            List<String> lines = section.getValue().stream().filter(l -> l != null && !l.isBlank()).toList();
            if (lines.isEmpty()) {
                continue;
            }
            out.append(section.getKey()).append('\n');
            for (String line : lines) {
                out.append("  - ").append(line).append('\n');
            }
            out.append('\n');
        }
        return out.append(closing).append('\n').toString();
    }
}

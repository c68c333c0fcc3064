package org.rectify.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 整改落实情况通报 as composed once, then rendered twice: on screen and as a Word document. An official notice:
 * 标题, 主送, the body in numbered parts with tables, 落款 and 成文日期.
 */
public record Bulletin(String title, String recipient, List<Block> body, String signer, String dated) {

    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** A part's heading ("一、总体情况"). */
    public record Heading(String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /** A table with a caption above it; widths are relative (they add up to the text width). */
    public record Table(String caption, List<String> headers, List<List<String>> rows, List<Integer> widths)
            implements Block {
    }

    /** The whole text, one line per paragraph or table row (tables' cells separated by tabs): what tests compare. */
    public String plainText() {
        StringBuilder s = new StringBuilder(title).append('\n').append(recipient).append('\n');
        for (Block b : body) {
            if (b instanceof Heading h) {
                s.append(h.text()).append('\n');
            } else if (b instanceof Paragraph p) {
                s.append(p.text()).append('\n');
            } else if (b instanceof Table t) {
                s.append(t.caption()).append('\n').append(String.join("\t", t.headers())).append('\n');
                s.append(t.rows().stream().map(r -> String.join("\t", r)).collect(Collectors.joining("\n")))
                        .append('\n');
            }
        }
        return s.append(signer).append('\n').append(dated).append('\n').toString();
    }
}

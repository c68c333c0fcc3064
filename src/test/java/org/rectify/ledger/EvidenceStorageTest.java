package org.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rectify.base.InvalidActionException;

/** What an evidence file is kept and served as, whatever the browser sent: its name and its content type. */
class EvidenceStorageTest {

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aNameKeepsOnlyItsBaseName() {
        assertThat(EvidenceStorage.storableName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(EvidenceStorage.storableName("C:\\Users\\甲\\Desktop\\整改报告.pdf")).isEqualTo("整改报告.pdf");
        assertThat(EvidenceStorage.storableName("..\\..\\a.docx")).isEqualTo("a.docx");
        assertThat(EvidenceStorage.storableName("  会议纪要.pdf ")).isEqualTo("会议纪要.pdf");
    }

    @Test
    void controlAndDirectionCharactersAreDropped() {
        assertThat(EvidenceStorage.storableName("a\nb\u0000.pdf")).isEqualTo("ab.pdf");
        // U+202E would show "photo\u202Efdp.exe" as "photoexe.pdf".
        assertThat(EvidenceStorage.storableName("photo\u202Efdp.exe")).isEqualTo("photofdp.exe");
    }

    @Test
    void anOverLongNameIsShortenedToTwoHundredFiftyFiveBytesKeepingItsExtension() {
        String chinese = "整改".repeat(100) + ".docx";
        String kept = EvidenceStorage.storableName(chinese);
        assertThat(bytes(kept)).isLessThanOrEqualTo(255).isGreaterThan(245);
        assertThat(kept).startsWith("整改整改").endsWith("….docx");
        assertThat(EvidenceStorage.extension(kept)).isEqualTo("docx");

        String emoji = "\uD83D\uDCF7".repeat(80) + ".jpg";
        String keptEmoji = EvidenceStorage.storableName(emoji);
        assertThat(bytes(keptEmoji)).isLessThanOrEqualTo(255);
        assertThat(keptEmoji).endsWith(".jpg");
        assertThat(keptEmoji.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(Character.isHighSurrogate(keptEmoji.charAt(keptEmoji.length() - 6)))
                .as("no half of a surrogate pair before the mark").isFalse();

        String ascii = "a".repeat(255) + ".pdf";
        assertThat(bytes(EvidenceStorage.storableName(ascii))).isEqualTo(255);
        assertThat(EvidenceStorage.storableName(ascii)).startsWith("aaa").endsWith("a….pdf");
        assertThat(EvidenceStorage.storableName("a".repeat(251) + ".pdf")).as("255 bytes fit").hasSize(255)
                .doesNotContain("…");
    }

    @Test
    void aNameWithNothingLeftIsRefused() {
        for (String sent : new String[] {"../../", "..\\", "", "   ", "dir/\u0000", null}) {
            assertThatThrownBy(() -> EvidenceStorage.storableName(sent)).as(String.valueOf(sent))
                    .isInstanceOf(InvalidActionException.class).hasMessage("evidence.badName");
        }
    }

    @Test
    void theContentTypeComesFromTheCheckedExtension() {
        assertThat(EvidenceStorage.contentType("报告.PDF")).isEqualTo("application/pdf");
        assertThat(EvidenceStorage.contentType("a.png")).isEqualTo("image/png");
        assertThat(EvidenceStorage.contentType("a.jpg")).isEqualTo("image/jpeg");
        assertThat(EvidenceStorage.contentType("a.jpeg")).isEqualTo("image/jpeg");
        assertThat(EvidenceStorage.contentType("a.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(EvidenceStorage.contentType("a.xlsx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(EvidenceStorage.contentType("a.doc")).isEqualTo("application/msword");
        assertThat(EvidenceStorage.contentType("a.xls")).isEqualTo("application/vnd.ms-excel");
        assertThat(EvidenceStorage.contentType("a.html")).isEqualTo("application/octet-stream");
        for (String ext : EvidenceStorage.allowedExtensions()) {
            assertThat(EvidenceStorage.contentType("x." + ext)).as(ext).hasSizeLessThanOrEqualTo(100);
        }
        assertThat(EvidenceStorage.imageType("a.pdf")).isNull();
        assertThat(EvidenceStorage.imageType("a.JPG")).isEqualTo("image/jpeg");
    }
}

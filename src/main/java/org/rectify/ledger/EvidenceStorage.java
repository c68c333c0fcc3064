package org.rectify.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rectify.base.InvalidActionException;
import org.rectify.base.Today;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence files on disk. A file is checked by name, size and first bytes (so that a renamed executable is refused
 * too) as soon as it has arrived, and again when it is stored. Its name and content type are the server's, never
 * the browser's. A stored file whose transaction rolls back is deleted again: nothing is left behind.
 */
@Component
public class EvidenceStorage {

    /**
     * Allowed extensions, the magic bytes their content starts with, and the content type they are stored and
     * served as. The browser's own type is never used: it can be anything, of any length.
     */
    private record Kind(String contentType, byte[]... signatures) {
    }

    private static final byte[] PK = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private static final Map<String, Kind> KINDS = Map.of(
            "pdf", new Kind("application/pdf", new byte[] {'%', 'P', 'D', 'F'}),
            "png", new Kind("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
            "jpg", new Kind("image/jpeg", JPEG),
            "jpeg", new Kind("image/jpeg", JPEG),
            "docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", PK),
            "xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", PK),
            "doc", new Kind("application/msword", OLE),
            "xls", new Kind("application/vnd.ms-excel", OLE));

    /** Fits evidence.file_name, varchar(255), however the database counts, and a download's file name header. */
    static final int MAX_NAME_BYTES = 255;

    /** A file received from the browser, waiting in the staging directory until the form is submitted. */
    public record StagedFile(Path tempFile, String fileName, long size) {
    }

    /** A file moved into the store. */
    public record Stored(String key, String fileName, String contentType, long size, String sha256) {
    }

    private final EvidenceProperties properties;
    private final EvidenceStaging staging;
    private final Today today;

    public EvidenceStorage(EvidenceProperties properties, EvidenceStaging staging, Today today) {
        this.properties = properties;
        this.staging = staging;
        this.today = today;
    }

    /** Where uploads wait for their form. */
    public EvidenceStaging staging() {
        return staging;
    }

    public long maxBytes() {
        return properties.maxSize().toBytes();
    }

    /** The size limit for people: "20 MB", "64 KB". */
    public String maxSizeText() {
        long bytes = maxBytes();
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " B";
    }

    public static java.util.Set<String> allowedExtensions() {
        return KINDS.keySet();
    }

    /** A photo or picture (its content was checked against the extension when it was stored). */
    public static boolean isImage(String fileName) {
        return imageType(fileName) != null;
    }

    /** {@code image/png} or {@code image/jpeg} by the checked extension; {@code null} for other files. */
    public static String imageType(String fileName) {
        String type = contentType(fileName);
        return type.startsWith("image/") ? type : null;
    }

    /**
     * The content type of a stored file, from its extension (which its first bytes were checked against when it
     * was stored); {@code application/octet-stream} for anything else.
     */
    public static String contentType(String fileName) {
        Kind kind = KINDS.get(extension(fileName));
        return kind == null ? "application/octet-stream" : kind.contentType();
    }

    /**
     * The name a file is kept under, from whatever the browser sent: no directories (an old browser on Windows
     * may send {@code C:\Users\…}, a crafted request {@code ../../}), no control or direction characters, and at
     * most {@value #MAX_NAME_BYTES} UTF-8 bytes, shortened before the extension so that the type stays. Refuses a
     * name with nothing left.
     */
    public static String storableName(String sent) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        if (name.isEmpty()) {
            throw new InvalidActionException("evidence.badName", shown(sent));
        }
        return shorten(name);
    }

    /** The name to keep for a file the browser is about to send; refuses one of a type not allowed. */
    public String acceptName(String sent) {
        String name = storableName(sent);
        if (!KINDS.containsKey(extension(name))) {
            throw new InvalidActionException("evidence.badType", name);
        }
        return name;
    }

    /** Refuses a file by its name or size, before anything is kept. */
    public void checkAcceptable(String fileName, long size) {
        String ext = extension(fileName);
        if (!KINDS.containsKey(ext)) {
            throw new InvalidActionException("evidence.badType", fileName);
        }
        if (size > maxBytes()) {
            throw new InvalidActionException("evidence.tooLarge", fileName, maxSizeText());
        }
        if (size <= 0) {
            throw new InvalidActionException("evidence.empty", fileName);
        }
    }

    /** Refuses a file by its name, size or content, as soon as it has arrived. */
    public void checkFile(StagedFile file) {
        checkAcceptable(storableName(file.fileName()), file.size());
        checkContent(file);
    }

    /** Copies a staged file into the store; inside a transaction, a rollback deletes it again. */
    public Stored store(StagedFile file) {
        String name = storableName(file.fileName());
        if (!Files.isRegularFile(file.tempFile())) {
            // swept meanwhile (a form left open for days): the user can upload it again
            throw new InvalidActionException("evidence.expired", name);
        }
        checkAcceptable(name, file.size());
        checkContent(file);
        String ext = extension(name);
        LocalDate day = today.date();
        String key = "%d/%02d/%s.%s".formatted(day.getYear(), day.getMonthValue(), UUID.randomUUID(), ext);
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            String sha = sha256(file.tempFile());
            // Copied, not moved: if the transaction fails, the user can submit the same staged file again.
            Files.copy(file.tempFile(), target, StandardCopyOption.REPLACE_EXISTING);
            cleanUpAfterTransaction(target, file.tempFile());
            return new Stored(key, name, contentType(name), Files.size(target), sha);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store evidence " + file.fileName(), e);
        }
    }

    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    private Path resolve(String key) {
        Path root = properties.dir().toAbsolutePath().normalize();
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("storage key outside the store: " + key);
        }
        return path;
    }

    private static void checkContent(StagedFile file) {
        String name = storableName(file.fileName());
        byte[][] signatures = KINDS.get(extension(name)).signatures();
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file.tempFile())) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (byte[] signature : signatures) {
            if (read >= signature.length && java.util.Arrays.equals(head, 0, signature.length, signature, 0,
                    signature.length)) {
                return;
            }
        }
        throw new InvalidActionException("evidence.contentMismatch", name);
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Committed: the staged copy goes. Rolled back: the stored copy goes, the staged one stays for a retry. */
    private static void cleanUpAfterTransaction(Path stored, Path staged) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            delete(staged);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                delete(status == STATUS_COMMITTED ? staged : stored);
            }
        });
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: an orphan file holds no data the database refers to
        }
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Cuts a long name before its extension, keeping the extension, to fit {@value #MAX_NAME_BYTES} UTF-8 bytes. */
    private static String shorten(String name) {
        if (utf8Length(name) <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String suffix = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String mark = "…";
        int budget = MAX_NAME_BYTES - utf8Length(suffix) - utf8Length(mark);
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int cp : name.substring(0, name.length() - suffix.length()).codePoints().toArray()) {
            int size = utf8Length(Character.toString(cp));
            if (bytes + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += size;
        }
        return kept + mark + suffix;
    }

    /** A sent name as quoted in a refusal: at most 100 characters. */
    private static String shown(String sent) {
        String s = sent == null ? "" : sent.replaceAll("\\p{Cc}", "");
        return s.codePointCount(0, s.length()) <= 100 ? s : s.substring(0, s.offsetByCodePoints(0, 100)) + "…";
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

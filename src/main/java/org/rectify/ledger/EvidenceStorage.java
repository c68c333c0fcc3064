package org.rectify.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Evidence files on disk. A file is checked twice: by name and size when it arrives, and by its first bytes when
 * it is stored, so that a renamed executable is refused too. A stored file whose transaction rolls back is deleted
 * again: nothing is left behind.
 */
@Component
public class EvidenceStorage {

    /** Allowed extensions and the magic bytes their content starts with. */
    private static final Map<String, byte[][]> SIGNATURES = Map.of(
            "pdf", new byte[][] {{'%', 'P', 'D', 'F'}},
            "png", new byte[][] {{(byte) 0x89, 'P', 'N', 'G'}},
            "jpg", new byte[][] {{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}},
            "jpeg", new byte[][] {{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}},
            "docx", new byte[][] {{'P', 'K', 3, 4}},
            "xlsx", new byte[][] {{'P', 'K', 3, 4}},
            "doc", new byte[][] {{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}},
            "xls", new byte[][] {{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}});

    /** A file received from the browser, waiting in a temporary file until the form is submitted. */
    public record StagedFile(Path tempFile, String fileName, String contentType, long size) {
    }

    /** A file moved into the store. */
    public record Stored(String key, String fileName, String contentType, long size, String sha256) {
    }

    private final EvidenceProperties properties;
    private final Today today;

    public EvidenceStorage(EvidenceProperties properties, Today today) {
        this.properties = properties;
        this.today = today;
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
        return SIGNATURES.keySet();
    }

    /** A photo or picture (its content was checked against the extension when it was stored). */
    public static boolean isImage(String fileName) {
        return imageType(fileName) != null;
    }

    /** {@code image/png} or {@code image/jpeg} by the checked extension; {@code null} for other files. */
    public static String imageType(String fileName) {
        return switch (extension(fileName)) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            default -> null;
        };
    }

    /** Refuses a file by its name or size, before anything is kept. */
    public void checkAcceptable(String fileName, long size) {
        String ext = extension(fileName);
        if (!SIGNATURES.containsKey(ext)) {
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
        checkAcceptable(file.fileName(), file.size());
        checkContent(file);
    }

    /** Moves a staged file into the store; inside a transaction, a rollback deletes it again. */
    public Stored store(StagedFile file) {
        checkAcceptable(file.fileName(), file.size());
        checkContent(file);
        String ext = extension(file.fileName());
        LocalDate day = today.date();
        String key = "%d/%02d/%s.%s".formatted(day.getYear(), day.getMonthValue(), UUID.randomUUID(), ext);
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            String sha = sha256(file.tempFile());
            // Copied, not moved: if the transaction fails, the user can submit the same staged file again.
            Files.copy(file.tempFile(), target, StandardCopyOption.REPLACE_EXISTING);
            cleanUpAfterTransaction(target, file.tempFile());
            return new Stored(key, safeName(file.fileName()), file.contentType(), Files.size(target), sha);
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
        byte[][] signatures = SIGNATURES.get(extension(file.fileName()));
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
        throw new InvalidActionException("evidence.contentMismatch", file.fileName());
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

    /** The name as shown to users: no directories, no control characters, at most 200 characters. */
    static String safeName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}

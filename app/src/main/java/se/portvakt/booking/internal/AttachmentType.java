package se.portvakt.booking.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types a meeting may carry. A file is accepted only if its name's extension is listed and its
 * first bytes are what that type starts with, so a renamed executable is refused. Formats that carry
 * macros (.docm, legacy .doc) are left out on purpose.
 */
public enum AttachmentType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, "pdf"),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, "png"),
    JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "jpg", "jpeg"),
    WORD("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip.MAGIC, "docx"),
    EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip.MAGIC, "xlsx"),
    POWERPOINT("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip.MAGIC, "pptx"),
    OPEN_TEXT("application/vnd.oasis.opendocument.text", Zip.MAGIC, "odt"),
    OPEN_SPREADSHEET("application/vnd.oasis.opendocument.spreadsheet", Zip.MAGIC, "ods"),
    OPEN_PRESENTATION("application/vnd.oasis.opendocument.presentation", Zip.MAGIC, "odp"),
    TEXT("text/plain; charset=UTF-8", null, "txt");

    private final String contentType;
    private final byte[] magic;
    private final String[] extensions;

    AttachmentType(String contentType, byte[] magic, String... extensions) {
        this.contentType = contentType;
        this.magic = magic;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<AttachmentType> byFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> Arrays.asList(type.extensions).contains(extension))
                .findFirst();
    }

    public boolean matches(byte[] content) {
        if (magic == null) {
            return isUtf8Text(content);
        }
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean isUtf8Text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static final class Zip {
        static final byte[] MAGIC = {'P', 'K', 3, 4};
    }
}

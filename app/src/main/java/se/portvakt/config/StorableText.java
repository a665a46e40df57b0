package se.portvakt.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Text that H2 and PostgreSQL both store exactly as typed. PostgreSQL refuses NUL in text (H2 keeps it),
 * and a lone UTF-16 surrogate reaches PostgreSQL as '?'. The other control characters are refused too (C0
 * but tab, line feed and carriage return; DEL; C1): nobody types them, and they break mail headers and logs.
 * Every text a person or another system sends is checked by this one rule before it is used or stored.
 */
public final class StorableText {

    private StorableText() {}

    /** Whether the text may be stored; null is (a missing value is another rule's business). */
    public static boolean storable(CharSequence text) {
        return text == null || firstUnstorable(text) < 0;
    }

    /** The index of the first character that may not be stored, or -1. */
    public static int firstUnstorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one supplementary character, such as an emoji
            } else if (Character.isSurrogate(c)
                    || (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The fields of a form or request body whose text may not be stored, named by their path as the form or
     * JSON names them ({@code title}, {@code invitees[2].name}): every String component of the record, and
     * of the records and lists in it, all the way down. Other values (numbers, maps, enums) are not text.
     */
    public static List<String> unstorableFields(Record form) {
        List<String> fields = new ArrayList<>();
        visit("", form, fields);
        return fields;
    }

    private static void visit(String path, Object value, List<String> fields) {
        if (value instanceof CharSequence text) {
            if (!storable(text)) {
                fields.add(path);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                visit(
                        path.isEmpty() ? component.getName() : path + "." + component.getName(),
                        read(component, record),
                        fields);
            }
        } else if (value instanceof Collection<?> list) {
            int index = 0;
            for (Object element : list) {
                visit(path + "[" + index++ + "]", element, fields);
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true); // forms are package-private records of their feature
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}

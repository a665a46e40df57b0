package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.portvakt.lobby.ParticipantState;

/**
 * The client's typed protocol (web/src/protocol.ts) says what the Java records say: each union has one interface per
 * {@code @JsonSubTypes} entry, with its {@code type} and the record's fields, and so has each record inside them.
 */
class ProtocolTypesTest {

    static final Path PROTOCOL = Path.of("..", "web", "src", "protocol.ts");
    /** Records whose client interface is named otherwise. */
    static final Map<Class<?>, String> RENAMED = Map.of(ChatLog.Line.class, "ChatLine");

    record Declared(String type, Set<String> fields) {}

    @Test
    void serverMessagesMatchTheRecords() throws IOException {
        assertUnionMatches(ServerMessage.class, "ServerMessage");
    }

    @Test
    void clientMessagesMatchTheRecords() throws IOException {
        assertUnionMatches(ClientMessage.class, "ClientMessage");
    }

    @Test
    void participantStatesMatchTheEnum() throws IOException {
        Matcher states =
                Pattern.compile("export type ParticipantState =([^;]*);").matcher(source());
        assertThat(states.find()).as("ParticipantState in protocol.ts").isTrue();
        assertThat(Pattern.compile("'(\\w+)'")
                        .matcher(states.group(1))
                        .results()
                        .map(m -> m.group(1))
                        .toList())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ParticipantState.values()).map(Enum::name).toList());
    }

    private void assertUnionMatches(Class<?> sealed, String union) throws IOException {
        String source = source();
        Map<String, Declared> interfaces = interfaces(source);
        Matcher members = Pattern.compile("export type " + union + " =([^;]*);").matcher(source);
        assertThat(members.find()).as(union + " in protocol.ts").isTrue();
        Map<String, Declared> byType = new HashMap<>();
        for (String member : members.group(1).split("\\|")) {
            if (member.isBlank()) {
                continue;
            }
            Declared declared = interfaces.get(member.strip());
            assertThat(declared).as("interface " + member.strip()).isNotNull();
            byType.put(declared.type(), declared);
        }
        JsonSubTypes.Type[] subtypes = sealed.getAnnotation(JsonSubTypes.class).value();
        assertThat(byType.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(subtypes).map(JsonSubTypes.Type::name).toList());
        Set<Class<?>> nested = new LinkedHashSet<>();
        for (JsonSubTypes.Type subtype : subtypes) {
            assertThat(byType.get(subtype.name()).fields())
                    .as(subtype.name())
                    .isEqualTo(componentNames(subtype.value()));
            nested.addAll(recordsInside(subtype.value()));
        }
        for (Class<?> record : nested) {
            String name = RENAMED.getOrDefault(record, record.getSimpleName());
            assertThat(interfaces).as("interface " + name).containsKey(name);
            assertThat(interfaces.get(name).fields()).as(name).isEqualTo(componentNames(record));
        }
    }

    private static String source() throws IOException {
        // comments may hold braces and colons of their own
        return Files.readString(PROTOCOL).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    /** Each {@code interface Name { ... }}: its {@code type} literal (or null) and its other fields. */
    static Map<String, Declared> interfaces(String source) {
        Map<String, Declared> interfaces = new HashMap<>();
        Matcher matcher = Pattern.compile("interface (\\w+) \\{([^}]*)\\}").matcher(source);
        while (matcher.find()) {
            String type = null;
            Set<String> fields = new TreeSet<>();
            for (String member : matcher.group(2).split(";")) {
                Matcher field = Pattern.compile("^\\s*(\\w+)\\??\\s*:\\s*(.*)$", Pattern.DOTALL)
                        .matcher(member);
                if (!field.find()) {
                    continue;
                }
                if (field.group(1).equals("type") && field.group(2).strip().matches("'\\w+'")) {
                    type = field.group(2).strip().replace("'", "");
                } else {
                    fields.add(field.group(1));
                }
            }
            interfaces.put(matcher.group(1), new Declared(type, fields));
        }
        return interfaces;
    }

    private static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The records a record's fields hold, directly or in a list, and theirs in turn; not those that go on the wire as
     * one value (the ids of se.portvakt.ids, each its UUID).
     */
    private static Set<Class<?>> recordsInside(Class<?> record) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            for (Class<?> held : classesOf(component.getGenericType())) {
                if (held.isRecord() && !oneValueOnTheWire(held) && found.add(held)) {
                    found.addAll(recordsInside(held));
                }
            }
        }
        return found;
    }

    private static boolean oneValueOnTheWire(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .anyMatch(component -> component.getAccessor().isAnnotationPresent(JsonValue.class));
    }

    private static Set<Class<?>> classesOf(Type type) {
        if (type instanceof Class<?> plain) {
            return Set.of(plain);
        }
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments())
                    .flatMap(argument -> classesOf(argument).stream())
                    .collect(Collectors.toSet());
        }
        return Set.of();
    }
}

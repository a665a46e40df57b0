package se.portvakt;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A feature's door (the public types of its root package) names what each id is: two bare UUIDs side by side are
 * easy to swap unnoticed ({@code move(roomId, meetingId)}), a {@code MeetingId} and a {@code RoomId} are not (the
 * ids live in {@code se.portvakt.ids}). Inside a feature's own packages, and in its rows, plain UUIDs may stay.
 */
class IdsAtTheDoorsTest {

    /**
     * Doors not typed yet: none since issue 17 was done. Were one ever let in for a while, it would be listed here,
     * and the test fails when an entry is done, so the list only shrinks.
     */
    static final Set<String> NOT_YET = Set.of();

    @Test
    void noPublicMethodOrConstructorAtAFeaturesDoorTakesTwoBareUuids() {
        JavaClasses app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PortvaktApplication.class.getPackageName());

        assertThat(takingTwoBareUuids(app, PortvaktApplication.class.getPackageName()))
                .as("public methods and constructors at a feature's door that take two or more bare UUIDs:"
                        + " give them se.portvakt.ids types")
                .containsExactlyInAnyOrderElementsOf(NOT_YET);
    }

    @Test
    void theRuleSeesADoorThatTakesTwoBareUuids() {
        // se.portvakt is a feature of the application "se", and WrongDoor stands at its door
        JavaClasses wrong = new ClassFileImporter().importClasses(WrongDoor.class, PortvaktApplication.class);

        assertThat(takingTwoBareUuids(wrong, "se")).containsExactly("IdsAtTheDoorsTest$WrongDoor.move");
    }

    /** Public, as a door is: one method takes two ids that are easy to swap, one takes a single id. */
    public static final class WrongDoor {
        public void move(UUID meetingId, UUID roomId) {}

        public void cancel(UUID meetingId, String reason) {}
    }

    /** {@code Type.method} of public code units of public types in {@code <application>.<feature>}. */
    private static Set<String> takingTwoBareUuids(JavaClasses classes, String application) {
        Set<String> found = new TreeSet<>();
        for (JavaClass type : classes) {
            if (!isFeatureRoot(type.getPackageName(), application)
                    || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                long uuids = unit.getRawParameterTypes().stream()
                        .filter(parameter -> parameter.isEquivalentTo(UUID.class))
                        .count();
                if (unit.getModifiers().contains(JavaModifier.PUBLIC)
                        && !unit.getModifiers().contains(JavaModifier.SYNTHETIC)
                        && uuids > 1) {
                    found.add(type.getName().substring(type.getPackageName().length() + 1) + "." + unit.getName());
                }
            }
        }
        return found;
    }

    private static boolean isFeatureRoot(String packageName, String application) {
        return packageName.startsWith(application + ".") && packageName.indexOf('.', application.length() + 1) < 0;
    }
}

package dev.taskline.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.model.user.UserId;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A quick in-module echo of the ArchUnit owner rule, so the ports are right before anyone implements them. */
class RepositoryPortsTest {

    private static final List<Class<?>> REPOSITORIES =
            List.of(UserRepository.class, TaskRepository.class, ConversationRepository.class, MessageRepository.class);

    @Test
    void everyRepositoryMethod_takesTheOwner_orSaysWhyNot() {
        for (Class<?> repository : REPOSITORIES) {
            for (Method method : repository.getDeclaredMethods()) {
                boolean takesOwner = Arrays.asList(method.getParameterTypes()).contains(UserId.class);
                Unscoped unscoped = method.getAnnotation(Unscoped.class);

                assertThat(takesOwner || unscoped != null).as(repository.getSimpleName() + "." + method.getName()).isTrue();
                if (unscoped != null) {
                    assertThat(unscoped.value()).as("reason on " + method.getName()).isNotBlank();
                }
            }
        }
    }

    @Test
    void onlyTheTwoLoginAndSignupMethods_areUnscoped() {
        assertThat(REPOSITORIES.stream().flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Unscoped.class)).map(Method::getName))
                .containsExactlyInAnyOrder("insert", "findByEmail");
    }
}

package dev.taskline.http.javalin.security;

import dev.taskline.http.javalin.problem.ProblemException;
import dev.taskline.http.javalin.problem.Problems;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerAuthenticationTest {

    @Test
    void bearerScheme_isCaseInsensitive_andTheTokenIsTrimmed() {
        assertThat(BearerAuthentication.bearerToken("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(BearerAuthentication.bearerToken("bearer   abc ")).isEqualTo("abc");
    }

    @Test
    void missingHeaderOrAnotherScheme_isAMissingToken_withAPlainChallenge() {
        for (String header : new String[] {null, "", "  ", "Basic dXNlcjpwYXNz", "Token abc"}) {
            assertThatThrownBy(() -> BearerAuthentication.bearerToken(header))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.problem().status()).isEqualTo(401);
                        assertThat(problem.headers()).containsEntry(Problems.WWW_AUTHENTICATE, "Bearer");
                    });
        }
    }

    @Test
    void bearerWithoutAToken_isAnInvalidToken() {
        assertThatThrownBy(() -> BearerAuthentication.bearerToken("Bearer"))
                .isInstanceOfSatisfying(ProblemException.class, problem ->
                        assertThat(problem.headers()).containsEntry(Problems.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }
}

package dev.taskline.bootstrap.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskline.bootstrap.api.ApiAssertions;
import dev.taskline.bootstrap.api.ApiResponse;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the contract allows as the answer to one input. A generator knows, by construction, which
 * of these applies: most inputs are invalid and must be refused with a 4xx problem document; a
 * few (a forged cursor that happens to decode, an unknown field) are valid and must be served.
 */
sealed interface Expected {

    /** Checks the answer; throws {@link AssertionError} saying what is wrong. */
    void check(ApiResponse response);

    /** Short form for the figures. */
    String describe();

    /** Refused: one of {@code statuses} (all 4xx), as a problem document. */
    static Expected refused(int... statuses) {
        return new Refused(Set.copyOf(java.util.Arrays.stream(statuses).boxed().toList()), List.of(), false);
    }

    /** Refused in any way the contract knows (any 4xx), as a problem document: never served, never a server error. */
    static Expected anyRefusal() {
        return new Refused(java.util.stream.IntStream.range(400, 500).boxed().collect(java.util.stream.Collectors.toSet()), List.of(), false);
    }

    /**
     * A request that is valid but odd (unknown or repeated query parameters): a page of the
     * caller's own rows, or a refusal as a problem document.
     */
    static Expected pageOrRefused(Set<Long> visibleIds) {
        return new PageOrRefused(visibleIds);
    }

    /** Malformed JSON: 400, a problem document without {@code errors} (it is no validation failure). */
    static Expected malformed() {
        return new Refused(Set.of(400), List.of(), true);
    }

    /** A refused token: 401 with a {@code WWW-Authenticate: Bearer} challenge, as a problem document. */
    static Expected unauthenticated() {
        return new Unauthenticated();
    }

    /** A validation failure: 400 whose {@code errors} name (at least) each of these fields. */
    static Expected invalid(List<String> fields) {
        return new Refused(Set.of(400), List.copyOf(fields), false);
    }

    /**
     * A list endpoint's answer to a parameter that may or may not be valid (a forged cursor that
     * happens to decode, a repeated parameter): a page of the caller's own rows, or a 400 naming {@code field}.
     */
    static Expected pageOr400(Set<Long> visibleIds, String field) {
        return new PageOr400(visibleIds, field);
    }

    /** A valid request: this 2xx, and whatever else {@code check} asserts about it. */
    static Expected served(int status, Consumer<ApiResponse> check) {
        return new Served(status, check);
    }

    record Refused(Set<Integer> statuses, List<String> fields, boolean malformed) implements Expected {
        @Override
        public void check(ApiResponse response) {
            if (statuses.size() > 20) {
                assertThat(response.status()).as("status (expected %s)", describe()).isBetween(400, 499);
            } else {
                assertThat(response.status()).as("status (expected %s)", describe()).isIn(statuses);
            }
            if (fields.isEmpty()) {
                JsonNode problem = ApiAssertions.assertProblem(response, response.status());
                if (malformed) {
                    assertThat(problem.has("errors")).as("a malformed body is no validation failure: %s", response).isFalse();
                }
            } else {
                ApiAssertions.assertInvalid(response, fields.toArray(String[]::new));
            }
        }

        @Override
        public String describe() {
            return (fields.isEmpty() ? "" : "invalid " + fields + " ") + (statuses.size() > 20 ? "any 4xx" : statuses) + " problem";
        }
    }

    record Unauthenticated() implements Expected {
        @Override
        public void check(ApiResponse response) {
            ApiAssertions.assertUnauthenticated(response);
        }

        @Override
        public String describe() {
            return "401 with a Bearer challenge";
        }
    }

    record PageOr400(Set<Long> visibleIds, String field) implements Expected {
        @Override
        public void check(ApiResponse response) {
            ApiAssertions.assertPageOrBadRequest(response);
            if (response.status() == 200) {
                assertThat(ApiAssertions.ids(response.json().get("items"))).as("only the caller's rows in %s", response)
                        .isSubsetOf(visibleIds);
            } else {
                ApiAssertions.assertInvalid(response, field);
            }
        }

        @Override
        public String describe() {
            return "a page of the caller's rows or 400 on " + field;
        }
    }

    record PageOrRefused(Set<Long> visibleIds) implements Expected {
        @Override
        public void check(ApiResponse response) {
            if (response.status() == 200) {
                ApiAssertions.assertIsPage(response.json());
                assertThat(ApiAssertions.ids(response.json().get("items"))).as("only the caller's rows in %s", response).isSubsetOf(visibleIds);
            } else {
                assertThat(response.status()).as("status of %s", response).isBetween(400, 499);
                ApiAssertions.assertProblem(response, response.status());
            }
        }

        @Override
        public String describe() {
            return "a page of the caller's rows, or a 4xx problem";
        }
    }

    record Served(int status, Consumer<ApiResponse> extra) implements Expected {
        @Override
        public void check(ApiResponse response) {
            response.expect(status);
            extra.accept(response);
        }

        @Override
        public String describe() {
            return "served " + status;
        }
    }
}

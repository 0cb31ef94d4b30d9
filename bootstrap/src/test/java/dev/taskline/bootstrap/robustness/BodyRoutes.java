package dev.taskline.bootstrap.robustness;

import dev.taskline.bootstrap.api.ApiClient;
import dev.taskline.bootstrap.api.Endpoint;
import dev.taskline.bootstrap.robustness.JsonText.Member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routes that read a JSON body, with the fields each one reads and what the contract says
 * about them: enough to build a valid body and to spoil it in a known way.
 */
final class BodyRoutes {

    /** What a field means, which decides its valid and invalid values. */
    enum Meaning { TITLE, DESCRIPTION, STATUS, DUE_DATE, COMPLETED, ROLE, CONTENT, EMAIL, NEW_PASSWORD, NAME, ANY_TEXT }

    /**
     * @param required absent is refused
     * @param nullable {@code null} is accepted (as absent, or to clear)
     */
    record Field(String name, Meaning meaning, boolean required, boolean nullable) {
        boolean isBoolean() {
            return meaning == Meaning.COMPLETED;
        }
    }

    /**
     * @param passwordWork a well-formed body costs a bcrypt hash (login, register): used sparingly
     * @param fieldsIgnored the route reads no field (a new conversation): only the JSON itself can be wrong
     */
    record BodyRoute(String name, String method, String path, List<Field> fields, boolean passwordWork, boolean fieldsIgnored) {
        Field field(String fieldName) {
            return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst().orElseThrow();
        }

        Set<String> fieldNames() {
            return fields.stream().map(Field::name).collect(Collectors.toSet());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private BodyRoutes() {
    }

    /** What each route of {@link Endpoint#withBody()} reads, by {@code "METHOD /template"}. */
    private static final Map<String, BodyRoute> READS = Map.of(
            "POST /api/v1/auth/register", new BodyRoute("register", "POST", "", List.of(
                    new Field("email", Meaning.EMAIL, true, false),
                    new Field("password", Meaning.NEW_PASSWORD, true, false),
                    new Field("name", Meaning.NAME, false, true)), true, false),
            "POST /api/v1/auth/login", new BodyRoute("login", "POST", "", List.of(
                    new Field("email", Meaning.ANY_TEXT, true, false),
                    new Field("password", Meaning.ANY_TEXT, true, false)), true, false),
            "PATCH /api/v1/me", new BodyRoute("patch-me", "PATCH", "", List.of(
                    new Field("name", Meaning.NAME, false, true),
                    new Field("password", Meaning.NEW_PASSWORD, false, false),
                    new Field("current_password", Meaning.ANY_TEXT, false, true)), false, false),
            "POST /api/v1/tasks", new BodyRoute("create-task", "POST", "", List.of(
                    new Field("title", Meaning.TITLE, true, false),
                    new Field("description", Meaning.DESCRIPTION, false, true),
                    new Field("status", Meaning.STATUS, false, true),
                    new Field("due_date", Meaning.DUE_DATE, false, true)), false, false),
            "PATCH /api/v1/tasks/{task}", new BodyRoute("patch-task", "PATCH", "", List.of(
                    new Field("title", Meaning.TITLE, false, false),
                    new Field("description", Meaning.DESCRIPTION, false, true),
                    new Field("status", Meaning.STATUS, false, false),
                    new Field("completed", Meaning.COMPLETED, false, false),
                    new Field("due_date", Meaning.DUE_DATE, false, true)), false, false),
            "POST /api/v1/conversations", new BodyRoute("create-conversation", "POST", "", List.of(), false, true),
            "POST /api/v1/conversations/{conversation}/messages", new BodyRoute("append-message", "POST", "", List.of(
                    new Field("role", Meaning.ROLE, true, false),
                    new Field("content", Meaning.CONTENT, true, false)), false, false));

    /**
     * Every route of the api suite's {@link Endpoint#withBody()}, with what it reads, aimed at the
     * victim's own task and conversation (so that an accepted request would change them). A route
     * added to the catalogue without saying here what it reads fails every property at once.
     */
    static List<BodyRoute> all(Fixture fixture) {
        return Endpoint.withBody().stream().map(endpoint -> {
            BodyRoute reads = READS.get(endpoint.toString());
            if (reads == null) {
                throw new IllegalStateException("the robustness tests do not know what " + endpoint + " reads: add it to BodyRoutes");
            }
            return new BodyRoute(reads.name(), endpoint.method(), endpoint.path(fixture.victimTask(), fixture.victimConversation()),
                    reads.fields(), reads.passwordWork(), reads.fieldsIgnored());
        }).toList();
    }

    /**
     * A body the route would accept: its required fields and some optional ones, valid values
     * (for login: the victim's email and a wrong password; for a PATCH of the account: no new
     * password). The caller spoils it before sending, except where the route ignores fields.
     */
    static List<Member> validMembers(BodyRoute route, Fixture fixture, Random random) {
        List<Member> members = new ArrayList<>();
        String status = null;
        for (Field field : route.fields()) {
            boolean include = field.required() || (random.nextBoolean() && !field.name().equals("password"));
            if (route.name().equals("patch-me") && field.name().equals("password")) {
                include = false;
            }
            if (!include) {
                continue;
            }
            if (field.meaning() == Meaning.COMPLETED) {
                // must agree with a status sent with it
                members.add(Member.of(field.name(), status == null ? Boolean.toString(random.nextBoolean()) : Boolean.toString(status.equals("completed"))));
                continue;
            }
            String value = validValue(field, route, fixture, random);
            if (field.meaning() == Meaning.STATUS) {
                status = value;
            }
            members.add(Member.of(field.name(), JsonText.quote(value)));
        }
        if (members.isEmpty() && !route.fieldsIgnored()) {
            members.add(Member.of(route.fields().getFirst().name(), JsonText.quote(validValue(route.fields().getFirst(), route, fixture, random))));
        }
        return members;
    }

    static String validValue(Field field, BodyRoute route, Fixture fixture, Random random) {
        return switch (field.meaning()) {
            case TITLE -> "Fuzzed " + Texts.solidText(random, 1 + random.nextInt(30));
            case DESCRIPTION, CONTENT -> Texts.solidText(random, 1 + random.nextInt(60));
            case STATUS -> List.of("pending", "in_progress", "completed").get(random.nextInt(3));
            case DUE_DATE -> String.format("%04d-%02d-%02d", 1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28));
            case ROLE -> random.nextBoolean() ? "user" : "assistant";
            case EMAIL -> route.name().equals("register") ? "fuzz-" + Math.abs(random.nextLong()) + "@example.com" : fixture.victim().email();
            case NEW_PASSWORD -> ApiClient.PASSWORD;
            case NAME -> Texts.solidText(random, random.nextInt(40));
            case ANY_TEXT -> route.name().equals("login") && field.name().equals("email") ? fixture.victim().email() : "not the password " + random.nextInt();
            case COMPLETED -> throw new IllegalArgumentException("a boolean");
        };
    }
}

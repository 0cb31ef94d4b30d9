package dev.taskline.bootstrap.robustness;

import dev.taskline.bootstrap.api.ApiClient;
import dev.taskline.bootstrap.api.Endpoint;
import dev.taskline.bootstrap.api.ForgedCursors;
import dev.taskline.bootstrap.robustness.BodyRoutes.BodyRoute;
import dev.taskline.bootstrap.robustness.BodyRoutes.Field;
import dev.taskline.bootstrap.robustness.BodyRoutes.Meaning;
import dev.taskline.bootstrap.robustness.JsonText.Member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The generators of bad input, one per property. Each draws a request at random from a corpus of
 * known-bad forms and random data, and says by construction what the answer must be: a generator
 * never produces a valid request unless it says so ({@link Expected#served}, {@link Expected#pageOr400}).
 * Every request aims at the victim's own rows (its task, its conversation, its account), so that a
 * request wrongly accepted would change them, which the test then sees.
 */
final class BadInputs {
    private static final String MARK = "@@RAW@@";
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final List<String> STATUSES = List.of("pending", "in_progress", "completed");
    private static final List<String> JSON_TYPES = List.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
            "application/merge-patch+json", "application/problem+json", "application/vnd.taskline+json", "APPLICATION/JSON");

    private final Fixture fixture;
    private final List<BodyRoute> routes;
    private final List<BodyRoute> fieldRoutes;
    /** Well-formed login and registration bodies cost a bcrypt hash each: at most this many per property. */
    private int passwordWorkLeft;

    BadInputs(Fixture fixture, int passwordWorkBudget) {
        this.fixture = fixture;
        this.routes = BodyRoutes.all(fixture);
        this.fieldRoutes = routes.stream().filter(route -> !route.fieldsIgnored()).toList();
        this.passwordWorkLeft = passwordWorkBudget;
    }

    // ------------------------------------------------------------------ wrong types and invalid values

    /** One body with one or two fields spoiled: a wrong JSON type, a value the domain refuses, {@code null}, or absent. */
    Input fields(Random random) {
        BodyRoute route = pickRoute(fieldRoutes, random);
        if (route.name().equals("login") && random.nextInt(3) == 0 && spendPasswordWork()) {
            // well-formed credentials that are wrong in every way the domain does not check: 401, after one bcrypt
            List<Member> members = List.of(Member.of("email", JsonText.quote(random.nextBoolean() ? Texts.text(random, random.nextInt(300))
                    : fixture.victim().email().toUpperCase())), Member.of("password", JsonText.quote(Texts.text(random, random.nextInt(200)))));
            return body("login:wrong-credentials", route, JsonText.object(members, random), Expected.unauthenticated(), random);
        }
        if (route.name().equals("register") && random.nextInt(20) == 0 && spendPasswordWork()) {
            List<Member> members = List.of(Member.of("email", JsonText.quote(caseVariant(fixture.victim().email(), random))),
                    Member.of("password", JsonText.quote(ApiClient.PASSWORD)));
            return body("register:email-taken", route, JsonText.object(members, random), Expected.refused(409), random);
        }
        if (route.name().equals("patch-me") && random.nextInt(8) == 0) {
            List<Member> members = new ArrayList<>(List.of(Member.of("password", JsonText.quote("a brand new password " + random.nextInt()))));
            if (random.nextBoolean()) {
                members.add(Member.of("current_password", "null"));
            }
            return body("patch-me:password-without-current", route, JsonText.object(withUnknown(members, route, random), random),
                    Expected.invalid(List.of("current_password")), random);
        }
        if (route.name().equals("patch-task") && random.nextInt(10) == 0) {
            String status = STATUSES.get(random.nextInt(3));
            boolean contradiction = !status.equals("completed");
            List<Member> members = List.of(Member.of("status", JsonText.quote(status)), Member.of("completed", Boolean.toString(contradiction)));
            return body("patch-task:status-contradicts-completed", route, JsonText.object(withUnknown(members, route, random), random),
                    Expected.invalid(List.of("completed")), random);
        }

        Map<String, Member> members = new LinkedHashMap<>();
        BodyRoutes.validMembers(route, fixture, random).forEach(member -> members.put(unquote(member.key()), member));
        List<Field> candidates = new ArrayList<>(route.fields());
        Collections.shuffle(candidates, random);
        int spoils = random.nextInt(5) == 0 && candidates.size() > 1 ? 2 : 1;
        List<String> expectedFields = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Field field : candidates.subList(0, spoils)) {
            String kind = spoil(route, field, members, random);
            kinds.add(kind);
            expectedFields.add(field.name());
        }
        List<Member> body = withUnknown(new ArrayList<>(members.values()), route, random);
        return body(route.name() + ":" + String.join("+", kinds), route, JsonText.object(body, random), Expected.invalid(expectedFields), random);
    }

    /** Spoils {@code field} in {@code members}; returns the kind of spoiling, for the figures. */
    private String spoil(BodyRoute route, Field field, Map<String, Member> members, Random random) {
        List<String> kinds = new ArrayList<>(List.of("wrong-type", "wrong-type"));
        if (field.meaning() != Meaning.ANY_TEXT && field.meaning() != Meaning.COMPLETED) {
            kinds.addAll(List.of("invalid-value", "invalid-value", "invalid-value"));
        }
        if (!field.nullable()) {
            kinds.add("null");
        }
        if (field.required()) {
            kinds.add("missing");
        }
        String kind = kinds.get(random.nextInt(kinds.size()));
        switch (kind) {
            case "wrong-type" -> members.put(field.name(), Member.of(field.name(), wrongType(field, random)));
            case "null" -> members.put(field.name(), Member.of(field.name(), "null"));
            case "missing" -> members.remove(field.name());
            default -> {
                members.put(field.name(), Member.of(field.name(), JsonText.quote(invalidValue(field.meaning(), random))));
                if (route.name().equals("patch-me") && field.name().equals("password") && !members.containsKey("current_password")) {
                    members.put("current_password", Member.of("current_password", JsonText.quote("whatever it was")));
                }
            }
        }
        return kind;
    }

    /** A JSON value of a type the field does not take. */
    static String wrongType(Field field, Random random) {
        if (field.isBoolean()) {
            List<String> values = List.of("\"true\"", "\"false\"", "\"1\"", "1", "0", "[]", "{}", "[true]", "{\"value\":true}", "\"yes\"");
            return random.nextInt(4) == 0 ? Texts.number(random) : values.get(random.nextInt(values.size()));
        }
        return switch (random.nextInt(10)) {
            case 0, 1 -> Texts.number(random);
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> "[]";
            case 4 -> "[" + JsonText.quote(Texts.solidText(random, 5)) + "]";
            case 5 -> "{}";
            case 6 -> "{\"value\":" + JsonText.quote(Texts.solidText(random, 5)) + "}";
            case 7 -> JsonText.nestedArrays(1 + random.nextInt(900), JsonText.quote("deep"));
            case 8 -> JsonText.nestedObjects(1 + random.nextInt(400), "1");
            default -> {
                String value = Texts.anyValue(random, 3);
                yield value.startsWith("\"") || value.equals("null") ? "[" + value + "]" : value;
            }
        };
    }

    /** A string the domain refuses for this meaning. */
    static String invalidValue(Meaning meaning, Random random) {
        return switch (meaning) {
            case TITLE -> switch (random.nextInt(6)) {
                case 0 -> Texts.blank(random, random.nextInt(6));
                case 1 -> Texts.solidText(random, 201 + random.nextInt(60));
                case 2 -> "t".repeat(100_000 + random.nextInt(200_000));
                case 3 -> withNul(Texts.solidText(random, 1 + random.nextInt(20)), random);
                default -> withLoneSurrogate(Texts.solidText(random, 1 + random.nextInt(20)), random);
            };
            case DESCRIPTION, CONTENT -> switch (random.nextInt(6)) {
                case 0 -> meaning == Meaning.CONTENT ? "" : Texts.solidText(random, 10_001 + random.nextInt(100));
                case 1 -> Texts.solidText(random, 10_001 + random.nextInt(100));
                case 2 -> "d".repeat(200_000 + random.nextInt(400_000));
                case 3 -> withNul(Texts.solidText(random, 1 + random.nextInt(50)), random);
                default -> withLoneSurrogate(Texts.solidText(random, 1 + random.nextInt(50)), random);
            };
            case STATUS -> oneOfOrRandom(random, List.of("", "PENDING", "Pending", "done", "todo", "in-progress", "in progress", " pending",
                    "pending ", "completed\u0000", "ｐｅｎｄｉｎｇ", "pendіng", "null", "pending,completed", "*", "\ud800"), STATUSES);
            case ROLE -> oneOfOrRandom(random, List.of("", "system", "USER", "User", "assistant ", " user", "tool", "user\u0000", "admin",
                    "\u0075\u0073\u0435\u0072"), List.of("user", "assistant"));
            case DUE_DATE -> {
                String date = oneOfOrRandom(random, List.of("", "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01",
                        "+10000-01-01", "-0001-01-01", "10000-01-01", "2026-1-1", "20260101", "2026/01/01", "2026-01-01T00:00:00Z",
                        " 2026-01-01", "2026-01-01 ", "٢٠٢٦-٠١-٠١", "２０２６-０１-０１", "yesterday", "2026-02-29", "1900-02-29",
                        "2026-02-28\u0000", "9999-12-32"), List.of());
                yield isValidDate(date) ? date + "x" : date;
            }
            case EMAIL -> switch (random.nextInt(4)) {
                case 0 -> "x".repeat(244 + random.nextInt(5_000)) + "@example.com";
                case 1 -> withNul("nul" + random.nextInt(1000) + "@example.com", random);
                case 2 -> Texts.text(random, random.nextInt(60)).replace("@", "");
                default -> oneOfOrRandom(random, List.of("", " ", "plain", "@example.com", "a@", "a@b", "a@@b.io", "a@b..io", "a@.io",
                        "a@b.io.", "a b@c.io", "a\tb@c.io", "\ud800@c.io", "a\u2003@b.io", "a\u0085@b.io", "a@b.io\n", "a@b@c.io"), List.of());
            };
            case NEW_PASSWORD -> switch (random.nextInt(7)) {
                case 0 -> Texts.solidText(random, random.nextInt(8));
                case 1 -> "a".repeat(73 + random.nextInt(200));
                case 2 -> "é".repeat(37 + random.nextInt(40));
                case 3 -> "\uD83D\uDE00".repeat(19 + random.nextInt(20));
                case 4 -> withNul("pass-word-long-enough", random);
                case 5 -> withLoneSurrogate("pass-word-long-enough", random);
                default -> "p".repeat(100_000);
            };
            case NAME -> switch (random.nextInt(4)) {
                case 0 -> Texts.solidText(random, 256 + random.nextInt(100));
                case 1 -> "n".repeat(100_000 + random.nextInt(100_000));
                case 2 -> withNul(Texts.solidText(random, random.nextInt(20)), random);
                default -> withLoneSurrogate(Texts.solidText(random, random.nextInt(20)), random);
            };
            case ANY_TEXT, COMPLETED -> throw new IllegalArgumentException(meaning + " has no invalid string");
        };
    }

    // ------------------------------------------------------------------ malformed JSON

    private static final List<String> BAD_VALUES = List.of("tru", "nul", "fals", "True", "NULL", "NaN", "-NaN", "Infinity", "-Infinity",
            "+1", "01", "-01", "00", ".5", "1.", "1.e5", "1e", "1e+", "-", "--1", "0x1F", "1_000", "'single'", "\"unterminated", "undefined",
            "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\" 1}", "{1:2}", "/*c*/1", "1//c", "#1", "[", "{", "]", "}", ":",
            "\"a\" \"b\"", "\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"\\'\"", "\"\\U0041\"", "\"tab\there\"", "\"new\nline\"", "`backtick`",
            "<x/>", "()", "@", "\\", "x", "function(){}", "new Date()", "1 2", "\"a\"\"b\"", "[\"a\" \"b\"]", "{\"a\":1 \"b\":2}");
    /** Keys that are no JSON string, or (Jackson refuses them in names) hold an unpaired surrogate. */
    private static final List<String> BAD_KEYS = List.of("title", "'title'", "1", "true", "null", "{}", "[]", "\"unterminated", "", "\"a\" \"b\"",
            "\"a\\x\"", "`k`", "\"\\ud800\"", "\"x\\udc00\"", "\"\\ud83d\\u0041\"");
    private static final List<String> GARBAGE_AFTER = List.of("}", "]", ",", "x", "{}", "[]", "\"s\"", "0", "null", "{\"a\":1}", "/* */", "//",
            "#", ";", ":", "\\", "\u0000", "\u001a", "<", "\"");
    private static final List<String> GARBAGE_BEFORE = List.of(")]}'\n", "x", ",", "]", "}", ":", "\u0000", "//\n", "/* */", "#\n", "\"", "'",
            "0", "[", "{\"a\":1}");

    /** A body that is not well-formed JSON, or not a JSON object: 400, never a validation failure. */
    Input malformed(Random random) {
        BodyRoute route = pickRoute(routes, random);
        List<Member> members = new ArrayList<>(BodyRoutes.validMembers(route, fixture, random));
        if (route.fieldsIgnored() || random.nextInt(3) == 0) {
            members = withUnknown(members, route, random);
        }
        while (members.size() < 2) {
            members.add(Member.of("extra_" + members.size(), Texts.anyValue(random, 2)));
        }
        String text = JsonText.object(members, random);
        int at = random.nextInt(members.size());
        String kind;
        byte[] body;
        switch (random.nextInt(16)) {
            case 0, 1 -> {
                kind = "truncated";
                byte[] whole = text.getBytes(StandardCharsets.UTF_8);
                body = java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
            }
            case 2 -> {
                kind = "trailing-content";
                body = utf8(text + JsonText.space(random) + pick(GARBAGE_AFTER, random));
            }
            case 3 -> {
                kind = "leading-content";
                body = utf8(pick(GARBAGE_BEFORE, random) + text);
            }
            case 4, 5 -> {
                kind = "bad-value";
                members.set(at, new Member(members.get(at).key(), pick(BAD_VALUES, random)));
                body = utf8(JsonText.object(members, random));
            }
            case 6 -> {
                kind = "bad-key";
                members.set(at, new Member(pick(BAD_KEYS, random), members.get(at).value()));
                body = utf8(JsonText.object(members, random));
            }
            case 7 -> {
                kind = "bad-separators";
                body = utf8(badSeparators(members, random));
            }
            case 8, 9 -> {
                kind = "duplicate-key";
                Member copy = members.get(at);
                Member duplicate = random.nextBoolean() ? copy : new Member(copy.key(), Texts.anyValue(random, 2));
                members.add(random.nextInt(members.size() + 1), duplicate);
                if (random.nextInt(4) == 0) {
                    // or one level down, inside a value the route ignores
                    members.remove(duplicate);
                    members.add(Member.of("nested", random.nextBoolean() ? "{\"k\":1,\"k\":2}" : "[{\"a\":{\"k\":[],\"k\":{}}}]"));
                }
                body = utf8(JsonText.object(members, random));
            }
            case 10 -> {
                kind = "not-an-object";
                List<String> values = List.of("[]", "[" + text + "]", JsonText.quote(text), "0", "-1.5e3", "true", "false", "null", "\"\"",
                        "[[[[[]]]]]", Texts.number(random));
                body = utf8(pick(values, random));
            }
            case 11 -> {
                kind = "too-deep";
                int depth = 1_001 + random.nextInt(30_000);
                String deep = random.nextBoolean() ? JsonText.nestedArrays(depth, "1") : JsonText.nestedObjects(Math.min(depth, 8_000), "1");
                body = utf8(random.nextInt(4) == 0 ? deep : JsonText.object(replaceOrAdd(members, at, deep, random), random));
            }
            case 12 -> {
                kind = "number-too-long";
                String digits = Texts.digits(random, 1_001 + random.nextInt(20_000));
                String number = switch (random.nextInt(4)) {
                    case 0 -> digits;
                    case 1 -> "-" + digits;
                    case 2 -> "0." + digits;
                    default -> "1e" + digits;
                };
                body = utf8(JsonText.object(replaceOrAdd(members, at, number, random), random));
            }
            case 13 -> {
                kind = "raw-control-character";
                int control = random.nextInt(0x20);
                members.set(at, new Member(members.get(at).key(), "\"before" + MARK + "after\""));
                body = withRaw(JsonText.object(members, random), control);
            }
            case 14 -> {
                kind = "key-too-long";
                members.add(Member.of("k".repeat(50_001 + random.nextInt(10_000)), "1"));
                body = utf8(JsonText.object(members, random));
            }
            default -> {
                kind = "fragment";
                body = utf8(pick(List.of("{", "}", "{]", "[}", "{\"", "{\"a\"", "{\"a\":", "{\"a\":1", "\"", "nul", "tru", "fals", "{}}",
                        "{{}}", "{\"a\":1}}", "{\"a\":[}", "{\"a\":{]}", "{\"a\"::1}", "{\"a\":1,,\"b\":2}"), random));
            }
        }
        return new Input("malformed:" + kind, route.method(), route.path(), Map.of(), pick(JSON_TYPES, random), body,
                random.nextInt(5) == 0, Expected.malformed());
    }

    private static String badSeparators(List<Member> members, Random random) {
        List<String> texts = members.stream().map(Member::text).collect(Collectors.toList());
        return switch (random.nextInt(8)) {
            case 0 -> "{" + String.join(random.nextBoolean() ? "" : " ", texts) + "}";
            case 1 -> "{" + String.join(",,", texts) + "}";
            case 2 -> "{," + String.join(",", texts) + "}";
            case 3 -> "{" + String.join(",", texts) + ",}";
            case 4 -> "{" + String.join(";", texts) + "}";
            case 5 -> "{" + members.stream().map(m -> m.key() + " " + m.value()).collect(Collectors.joining(",")) + "}";
            case 6 -> "{" + members.stream().map(m -> m.key() + "=" + m.value()).collect(Collectors.joining(",")) + "}";
            default -> "{" + members.stream().map(m -> m.key() + "::" + m.value()).collect(Collectors.joining(",")) + "}";
        };
    }

    private static List<Member> replaceOrAdd(List<Member> members, int at, String value, Random random) {
        List<Member> result = new ArrayList<>(members);
        if (random.nextBoolean()) {
            result.set(at, new Member(result.get(at).key(), value));
        } else {
            result.add(Member.of("extra", value));
        }
        return result;
    }

    // ------------------------------------------------------------------ invalid UTF-8, NUL, unpaired surrogates

    /** Byte sequences that are not UTF-8, each named; all must make the body malformed. */
    private static final Map<String, int[]> NOT_UTF8 = new LinkedHashMap<>();

    static {
        NOT_UTF8.put("byte-FF", new int[]{0xFF});
        NOT_UTF8.put("byte-FE", new int[]{0xFE});
        NOT_UTF8.put("lone-continuation-80", new int[]{0x80});
        NOT_UTF8.put("lone-continuation-BF", new int[]{0xBF});
        NOT_UTF8.put("truncated-2-byte", new int[]{0xC3});
        NOT_UTF8.put("truncated-3-byte", new int[]{0xE2, 0x82});
        NOT_UTF8.put("truncated-4-byte", new int[]{0xF0, 0x9F, 0x98});
        NOT_UTF8.put("5-byte-form", new int[]{0xF8, 0x88, 0x80, 0x80, 0x80});
        NOT_UTF8.put("6-byte-form", new int[]{0xFC, 0x84, 0x80, 0x80, 0x80, 0x80});
        NOT_UTF8.put("cesu-high-surrogate", new int[]{0xED, 0xA0, 0x80});
        NOT_UTF8.put("cesu-low-surrogate", new int[]{0xED, 0xBF, 0xBF});
        NOT_UTF8.put("cesu-pair", new int[]{0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80});
        NOT_UTF8.put("overlong-NUL-2", new int[]{0xC0, 0x80});
        NOT_UTF8.put("overlong-NUL-3", new int[]{0xE0, 0x80, 0x80});
        NOT_UTF8.put("overlong-slash-2", new int[]{0xC0, 0xAF});
        NOT_UTF8.put("overlong-slash-3", new int[]{0xE0, 0x80, 0xAF});
        NOT_UTF8.put("overlong-A", new int[]{0xC1, 0x81});
        NOT_UTF8.put("overlong-DEL", new int[]{0xC1, 0xBF});
        NOT_UTF8.put("overlong-quote", new int[]{0xC0, 0xA2});
        NOT_UTF8.put("overlong-4-byte", new int[]{0xF0, 0x80, 0x80, 0xAF});
        NOT_UTF8.put("overlong-U+FFFF", new int[]{0xF0, 0x8F, 0xBF, 0xBF});
        NOT_UTF8.put("beyond-U+10FFFF", new int[]{0xF4, 0x90, 0x80, 0x80});
        NOT_UTF8.put("lead-F5", new int[]{0xF5, 0x80, 0x80, 0x80});
        NOT_UTF8.put("lead-F7", new int[]{0xF7, 0xBF, 0xBF, 0xBF});
        NOT_UTF8.put("raw-NUL", new int[]{0x00});
        NOT_UTF8.put("raw-control-01", new int[]{0x01});
        NOT_UTF8.put("raw-control-1F", new int[]{0x1F});
    }

    private static final List<String> SURROGATE_ESCAPES = List.of("\\ud800", "\\uDBFF", "\\udc00", "\\uDFFF", "\\udc00\\ud800", "\\ud83d\\u0041",
            "\\ud83d\\ud83d", "\\ude00\\ud83d", "\\u0000", "\\u0000\\u0000");

    /**
     * Bytes that are not UTF-8 (invalid, overlong, surrogates encoded, beyond U+10FFFF, truncated, a whole body in UTF-16 or UTF-32)
     * or raw control characters, inside a field the route reads, inside a key, inside an ignored
     * value, between tokens, or at the end; and unpaired surrogates or NUL written as escapes in a
     * field the route reads. All of them: 400.
     */
    Input encoding(Random random) {
        BodyRoute route = pickRoute(routes, random);
        while (route.passwordWork() && !spendPasswordWork()) {
            route = pickRoute(routes, random);
        }
        List<Member> members = new ArrayList<>(BodyRoutes.validMembers(route, fixture, random));
        List<Integer> strings = new ArrayList<>();
        List<Integer> checkedStrings = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).value().startsWith("\"")) {
                strings.add(i);
                Meaning meaning = route.field(unquote(members.get(i).key())).meaning();
                if (meaning != Meaning.ANY_TEXT) {
                    checkedStrings.add(i);
                }
            }
        }
        if (!checkedStrings.isEmpty() && random.nextInt(4) == 0) {
            int at = checkedStrings.get(random.nextInt(checkedStrings.size()));
            String escape = pick(SURROGATE_ESCAPES, random);
            String field = unquote(members.get(at).key());
            members.set(at, Member.of(field, splice(members.get(at).value(), escape, random)));
            return body("escape:" + (escape.contains("0000") ? "NUL" : "unpaired-surrogate"), route, JsonText.object(members, random),
                    Expected.invalid(List.of(field)), random);
        }
        if (random.nextInt(20) == 0) {
            // JSON between systems is UTF-8 (RFC 8259 §8.1, api.md): a body in another encoding, declared as UTF-8 or not, is not JSON
            String charset = pick(List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"), random);
            byte[] body = JsonText.object(members, random).getBytes(java.nio.charset.Charset.forName(charset));
            return new Input("utf8:" + charset.toLowerCase(java.util.Locale.ROOT) + "-body", route.method(), route.path(), Map.of(),
                    pick(JSON_TYPES, random), body, false, Expected.anyRefusal());
        }
        String name = pick(new ArrayList<>(NOT_UTF8.keySet()), random);
        String where;
        String text;
        int place = random.nextInt(5);
        if (place == 0 && !strings.isEmpty()) {
            where = checkedStrings.isEmpty() ? "unchecked-field" : "read-field";
            int at = (checkedStrings.isEmpty() ? strings : checkedStrings).get(random.nextInt((checkedStrings.isEmpty() ? strings : checkedStrings).size()));
            members.set(at, new Member(members.get(at).key(), splice(members.get(at).value(), MARK, random)));
            text = JsonText.object(members, random);
        } else if (place <= 1 && !members.isEmpty()) {
            where = "key";
            int at = random.nextInt(members.size());
            String key = members.get(at).key();
            members.set(at, new Member(key.substring(0, key.length() - 1) + MARK + "\"", members.get(at).value()));
            text = JsonText.object(members, random);
        } else if (place <= 2) {
            where = "ignored-value";
            members.add(random.nextInt(members.size() + 1), Member.of("note", "\"x" + MARK + "y\""));
            text = JsonText.object(members, random);
        } else if (place == 3) {
            where = "between-tokens";
            text = "{" + MARK + JsonText.object(members).substring(1);
        } else {
            where = "at-the-end";
            text = JsonText.object(members) + MARK;
        }
        return new Input("utf8:" + name + "@" + where, route.method(), route.path(), Map.of(), pick(JSON_TYPES, random),
                withRaw(text, NOT_UTF8.get(name)), random.nextInt(5) == 0, Expected.anyRefusal());
    }

    /**
     * The JSON string {@code quoted} with {@code insert} (raw JSON text: an escape, or the raw-bytes
     * mark) placed between two of its characters, never inside an escape or a surrogate pair.
     */
    private static String splice(String quoted, String insert, Random random) {
        String value = dev.taskline.bootstrap.api.Json.parse(quoted).textValue();
        int codePoints = value.codePointCount(0, value.length());
        int at = value.offsetByCodePoints(0, random.nextInt(codePoints + 1));
        String left = JsonText.quote(value.substring(0, at));
        String right = JsonText.quote(value.substring(at));
        return left.substring(0, left.length() - 1) + insert + right.substring(1);
    }

    // ------------------------------------------------------------------ ids in paths

    /** An id that names nothing of the victim's in every route that takes one: 404 (or 400), never anything else. */
    Input pathId(Random random) {
        Endpoint endpoint = pick(Endpoint.withId(), random);
        String method = endpoint.method();
        String template = endpoint.template();
        boolean task = template.contains("{task}");
        long own = task ? fixture.victimTask() : fixture.victimConversation();
        long foreign = task ? fixture.otherTask() : fixture.otherConversation();
        String ownDigits = Long.toString(own);
        String kind;
        String id;
        switch (random.nextInt(9)) {
            case 0 -> {
                kind = "negative";
                id = pick(List.of("-" + ownDigits, "-0", "-1", "-" + Texts.digits(random, 1 + random.nextInt(19)), "%E2%88%92" + ownDigits,
                        "-9223372036854775808"), random);
            }
            case 1 -> {
                kind = "zero";
                id = "0".repeat(1 + random.nextInt(30));
            }
            case 2 -> {
                kind = "overflow";
                id = pick(List.of("9223372036854775808", "18446744073709551616", "9".repeat(19), "1" + "0".repeat(19),
                        Texts.digits(random, 20 + random.nextInt(60)), "0".repeat(random.nextInt(5)) + "9223372036854775808"), random);
            }
            case 3 -> {
                kind = "huge";
                id = Texts.digits(random, 200 + random.nextInt(3_800));
            }
            case 4 -> {
                kind = "not-a-number";
                id = pick(List.of("abc", "1a", "a1", "1.5", ownDigits + ".0", "1e3", ownDigits + "e0", "0x" + Long.toHexString(own), "%2B" + ownDigits,
                        "1_000", "1,2", "null", "true", "NaN", "Infinity", "undefined", "%20" + ownDigits, ownDigits + "%20", ownDigits + "%09",
                        ownDigits + "abc", "%7B" + ownDigits + "%7D", "%5B" + ownDigits + "%5D", "%22" + ownDigits + "%22", "*", "~", "-",
                        ownDigits + "-" + ownDigits), random);
            }
            case 5 -> {
                kind = "unicode-digits";
                int zero = pick(List.of(0xFF10, 0x0660, 0x0966, 0x1D7CE, 0x0E50, 0x2080), random);
                StringBuilder digits = new StringBuilder();
                ownDigits.chars().forEach(c -> digits.appendCodePoint(zero + (c - '0')));
                id = ApiClient.encode(digits.toString());
            }
            case 6 -> {
                kind = "encoded-junk";
                StringBuilder overlong = new StringBuilder();
                ownDigits.chars().forEach(c -> overlong.append("%C0%").append(Integer.toHexString(0x80 + c).toUpperCase()));
                id = pick(List.of("%00", ownDigits + "%00", "%00" + ownDigits, "%FF", "%C0%AF", overlong.toString(), "%ED%A0%80", "%0A",
                        ownDigits + "%0D%0A", "%E2%80%AE" + ownDigits, "%5C", "%3C%3E", "%25", "%25" + ownDigits, "%2F" + ownDigits,
                        ownDigits + "%2F", "%EF%BB%BF" + ownDigits, ownDigits + "%E2%80%8B"), random);
            }
            case 7 -> {
                kind = "someone-else's";
                id = pick(List.of("0".repeat(random.nextInt(6)) + foreign, "9223372036854775807", Long.toString(1_000_000_000_000L + random.nextInt(1 << 30)),
                        foreign + ";x=" + ownDigits), random);
            }
            default -> {
                kind = "random-text";
                String text = Texts.text(random, 1 + random.nextInt(20));
                id = ApiClient.encode(text).replace("+", "%20");
                if (text.chars().allMatch(c -> c >= '0' && c <= '9') || id.chars().allMatch(c -> c == '.')) {
                    id = "x" + id; // digits could name a real row; dots are path segments
                }
            }
        }
        String path = endpoint.path(id, id);
        Expected expected = path.length() > 2_000 ? Expected.refused(400, 404, 414, 431) : Expected.refused(400, 404);
        Input input = Input.of("path:" + kind, method, path, expected);
        return endpoint.validBody() == null ? input : input.withContentType("application/json").withBody(utf8(endpoint.validBody()));
    }

    private static final List<String> ODD_METHODS = List.of("PUT", "OPTIONS", "PROPFIND", "FOO", "get", "Patch", "LINK", "PURGE", "MERGE");
    /** A method no route takes: 404 or 405 (or 400), never anything else. */
    Input oddMethod(Random random) {
        String path = pick(Endpoint.ALL, random).path(fixture.victimTask(), fixture.victimConversation());
        String method = pick(ODD_METHODS, random);
        return Input.of("method:" + method, method, path, Expected.refused(400, 404, 405))
                .withContentType("application/json").withBody(utf8("{\"title\":\"x\",\"role\":\"user\",\"content\":\"x\",\"name\":\"x\"}"));
    }

    // ------------------------------------------------------------------ query parameters and cursors

    private static final List<String> BAD_LIMITS = List.of("", "0", "00", "000000000", "-1", "-0", "101", "1000", "2147483648", "99999999999999999999",
            "1.5", "1e2", "0x10", "+5", " 5", "5 ", "5\t", "５", "٥", "५", "abc", "NaN", "null", "true", "5\u0000", "\u0000", "1,2", "10;", "[5]",
            "0000000001000", "%35");
    private static final List<String> BAD_STATUSES = List.of("", "PENDING", "Pending", "done", "todo", "in-progress", "in progress", "pending ",
            " pending", "pending,completed", "ｐｅｎｄｉｎｇ", "pendіng", "null", "*", "%", "pending\u0000", "[pending]");
    private static final List<String> BAD_BOOLEANS = List.of("", "TRUE", "True", "FALSE", "1", "0", "yes", "no", "on", "t", "f", "true ", " true",
            "ｔｒｕｅ", "null", "truee", "true\u0000", "%74rue");
    private static final List<String> UNKNOWN_PARAMETERS = List.of("Limit", "LIMIT", "limit ", "limit[]", "user_id", "owner", "offset", "page", "sort",
            "order", "q", "fields", "cursor2", "Status", "COMPLETED", "ünïcödé", "限", "\u0000", "limit\u0000", "callback", "_", "id");
    /** Raw percent-escapes that decode to bytes that are not UTF-8 (or to NUL): left as they are, never encoded again. */
    private static final List<String> RAW_BAD_ESCAPES = List.of("%FF", "%C0%B5", "%C0%80", "%ED%A0%80", "%F4%90%80%80", "%00", "%E2%82", "%C3");

    /** Query parameters a list refuses (limit, status, completed, cursor), or may take (a forged cursor, a repetition, unknown names). */
    Input query(Random random) {
        int list = random.nextInt(3);
        String path = switch (list) {
            case 0 -> "/api/v1/tasks";
            case 1 -> "/api/v1/conversations";
            default -> "/api/v1/conversations/" + fixture.victimConversation() + "/messages";
        };
        Set<Long> visible = switch (list) {
            case 0 -> fixture.victimTaskIds();
            case 1 -> fixture.victimConversationIds();
            default -> fixture.victimMessageIds();
        };
        boolean tasks = list == 0;
        List<String> parameters = new ArrayList<>();
        List<String> invalidFields = new ArrayList<>();
        String kind;
        Expected expected = null;
        switch (random.nextInt(tasks ? 12 : 9)) {
            case 0, 1 -> {
                kind = "limit";
                parameters.add(parameter("limit", pick(BAD_LIMITS, random), random));
                invalidFields.add("limit");
            }
            case 2, 3 -> {
                kind = "cursor";
                parameters.add(parameter("cursor", badCursor(random), random));
                invalidFields.add("cursor");
            }
            case 4 -> {
                kind = "forged-cursor";
                parameters.add("cursor=" + forgedCursor(random));
                expected = Expected.pageOr400(visible, "cursor");
            }
            case 5 -> {
                kind = "raw-bad-escape";
                String name = pick(tasks ? List.of("limit", "cursor", "status", "completed") : List.of("limit", "cursor"), random);
                parameters.add(name + "=" + (random.nextBoolean() ? "5" : "") + pick(RAW_BAD_ESCAPES, random));
                expected = Expected.refused(400);
            }
            case 6 -> {
                kind = "repeated";
                String name = pick(tasks ? List.of("limit", "status", "completed", "cursor") : List.of("limit", "cursor"), random);
                String good = switch (name) {
                    case "limit" -> "5";
                    case "status" -> "pending";
                    case "completed" -> "false";
                    default -> pick(fixture.victimCursors(), random);
                };
                String bad = switch (name) {
                    case "limit" -> pick(BAD_LIMITS, random);
                    case "status" -> pick(BAD_STATUSES, random);
                    case "completed" -> pick(BAD_BOOLEANS, random);
                    default -> badCursor(random);
                };
                boolean badFirst = random.nextBoolean();
                parameters.add(parameter(name, badFirst ? bad : good, random));
                parameters.add(parameter(name, badFirst ? good : bad, random));
                expected = Expected.pageOrRefused(visible);
            }
            case 7 -> {
                kind = "unknown-only";
                int count = 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    parameters.add(unknownParameter(random));
                }
                if (random.nextBoolean()) {
                    parameters.add("limit=" + (1 + random.nextInt(100)));
                }
                expected = Expected.pageOrRefused(visible);
            }
            case 8 -> {
                kind = "too-long";
                parameters.add("limit=5");
                parameters.add("pad=" + "x".repeat(9_000 + random.nextInt(20_000)));
                expected = Expected.refused(400, 414, 431);
            }
            case 9 -> {
                kind = "status";
                parameters.add(parameter("status", pick(BAD_STATUSES, random), random));
                invalidFields.add("status");
            }
            case 10 -> {
                kind = "completed";
                parameters.add(parameter("completed", pick(BAD_BOOLEANS, random), random));
                invalidFields.add("completed");
            }
            default -> {
                kind = "all-bad";
                parameters.add(parameter("status", pick(BAD_STATUSES, random), random));
                parameters.add(parameter("completed", pick(BAD_BOOLEANS, random), random));
                parameters.add(parameter("limit", pick(BAD_LIMITS, random), random));
                parameters.add(parameter("cursor", badCursor(random), random));
                invalidFields.addAll(List.of("status", "completed", "limit", "cursor"));
            }
        }
        if (expected == null) {
            if (random.nextBoolean()) {
                parameters.add(unknownParameter(random));
            }
            expected = Expected.invalid(invalidFields);
        }
        if (random.nextInt(3) == 0) {
            Collections.shuffle(parameters, random);
        }
        return Input.of("query:" + kind, "GET", path + "?" + String.join("&", parameters), expected);
    }

    private static String parameter(String name, String value, Random random) {
        if (value.isEmpty() && random.nextInt(3) == 0) {
            return name; // no "=" at all
        }
        return name + "=" + ApiClient.encode(value);
    }

    private String unknownParameter(Random random) {
        String name = pick(UNKNOWN_PARAMETERS, random);
        String value = pick(List.of(Long.toString(fixture.other().id()), "", "1", "-1", "desc", "*", Texts.text(random, 1 + random.nextInt(30)),
                "' OR 1=1 --"), random);
        return ApiClient.encode(name) + "=" + ApiClient.encode(value);
    }

    /** A cursor that cannot decode to a position: truncated, extended, re-padded, outside the alphabet, too long, of the wrong length. */
    private String badCursor(Random random) {
        String real = pick(fixture.victimCursors(), random);
        byte[] bytes = new byte[random.nextInt(60)];
        random.nextBytes(bytes);
        String wrongLength = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return switch (random.nextInt(9)) {
            case 0 -> real.substring(0, 1 + random.nextInt(real.length() - 1));
            case 1 -> real + "ABCDEFGHIJ-_".substring(0, 1 + random.nextInt(10));
            case 2 -> real + (random.nextBoolean() ? "=" : "==");
            case 3 -> {
                int at = random.nextInt(real.length());
                yield real.substring(0, at) + pick(List.of("+", "/", "=", ".", "~", "!", "*", "'", " ", "\u0000", "é"), random) + real.substring(at + 1);
            }
            case 4 -> Texts.text(random, 1 + random.nextInt(40)) + "!";
            case 5 -> Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[65 + random.nextInt(3_000)]);
            case 6 -> bytes.length == 21 ? wrongLength + "A" : wrongLength.isEmpty() ? "A" : wrongLength;
            case 7 -> Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(real)) + "==";
            default -> "";
        };
    }

    /** A cursor that may well decode (random bytes of the right length, the documented format, a real cursor of another list or user). */
    private String forgedCursor(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> {
                byte[] bytes = new byte[21];
                random.nextBytes(bytes);
                if (random.nextBoolean()) {
                    bytes[0] = 1;
                }
                yield Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            case 1 -> pick(ForgedCursors.absurd(), random);
            case 2 -> ForgedCursors.of(1, 1_600_000_000L + random.nextInt(400_000_000), random.nextInt(1_000_000_000), 1 + random.nextInt(1_000_000));
            case 3 -> pick(fixture.otherCursors(), random);
            default -> pick(fixture.victimCursors(), random);
        };
    }

    // ------------------------------------------------------------------ headers

    private static final List<String> NOT_JSON_TYPES = List.of("", "text/plain", "text/plain; charset=utf-8", "text/json", "text/html", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/octet-stream", "application/jsonp",
            "application/json-seq", "application/json5", "application/javascript", "application/*", "*/*", "json", "application", "application/",
            "/json", "application/json; charset=utf-16", "application/json; charset=UTF-16LE", "application/json; charset=iso-8859-1",
            "application/json; charset=\"latin1\"", "application/json; charset=utf-8; charset=utf-16", "application/json;charset=",
            "application/vnd.taskline+xml", "APPLICATION/XML", "image/png", "application/json+xml", "application/json/x", "application/x-json",
            ";", ";;", " ; ", ",application/json", "application/json,text/plain");

    /**
     * Headers that make an otherwise valid request wrong: a {@code Content-Type} that is not JSON
     * or none (415), a token that is no token of ours (401), an {@code If-Match} malformed or stale
     * (400 or 412), a body over the limit (413), an empty body where one is required (400).
     */
    Input header(Random random) {
        int kind = random.nextInt(100);
        if (kind < 35) {
            BodyRoute route = pickRoute(routes, random);
            boolean made = random.nextInt(6) == 0;
            String type = random.nextInt(8) == 0 ? null : made ? randomMediaType(random) : pick(NOT_JSON_TYPES, random);
            return new Input("content-type:" + (type == null ? "(none)" : type.isEmpty() ? "(empty)" : made ? "random" : type),
                    route.method(), route.path(), Map.of(), type, utf8(validBody(route, random)), random.nextInt(5) == 0, Expected.refused(415));
        }
        if (kind < 70) {
            Endpoint endpoint = pick(Endpoint.authenticatedOnes(), random);
            String method = endpoint.method();
            String path = endpoint.path(fixture.victimTask(), fixture.victimConversation());
            String body = endpoint.validBody();
            String[] authorization = badAuthorization(random);
            if (authorization[0].equals("token-case-changed") && (method.equals("DELETE") || method.equals("PATCH"))) {
                // Reads and creations only: were such a token accepted, deleting or changing the victim's rows
                // would spoil the expectations of the rest of the run (the test of it would still fail).
                method = "GET";
                body = null;
            }
            Input input = Input.of("authorization:" + authorization[0], method, path, Expected.unauthenticated())
                    .withHeader("Authorization", authorization[1]);
            return body == null ? input : input.withContentType("application/json").withBody(utf8(body));
        }
        if (kind < 92) {
            String[] ifMatch = badIfMatch(random);
            BodyRoute route = routes.stream().filter(r -> r.name().equals("patch-task")).findFirst().orElseThrow();
            return Input.json("if-match:" + ifMatch[0], "PATCH", route.path(), utf8(validBody(route, random)), Expected.refused(400, 412))
                    .withHeader("If-Match", ifMatch[1]);
        }
        if (kind < 97) {
            BodyRoute route = pickRoute(fieldRoutes, random);
            return new Input("empty-body", route.method(), route.path(), Map.of(), pick(JSON_TYPES, random),
                    utf8(random.nextBoolean() ? "" : JsonText.space(random) + " "), false, Expected.refused(400));
        }
        BodyRoute route = pickRoute(routes, random);
        byte[] huge = new byte[1_048_576 + 1 + random.nextInt(4_096)];
        random.nextBytes(huge);
        return new Input("too-large", route.method(), route.path(), Map.of(), "application/json", huge, random.nextBoolean(), Expected.refused(413));
    }

    /** A kind (for the figures) and an {@code Authorization} value ({@code null}: no header) that names no valid token of ours. */
    private String[] badAuthorization(Random random) {
        String token = fixture.victim().token();
        int dot = token.lastIndexOf('.');
        List<String> plain = List.of("", "Bearer", "Bearer ", "bearer", "Basic dXNlcjpwYXNzd29yZA==", "Bearer null", "Bearer undefined", "Bearer a.b.c",
                "Bearer ..", "Bearer " + token.substring(0, dot), "Bearer " + token.substring(0, dot + 1), "Token " + token, "Bearer " + token + ".x",
                "Bearer " + token + token, "Bearer " + "x".repeat(6_000), "Bearer " + token.substring(0, dot) + ".", "Bearer \"" + token + "\"",
                "Bearer " + token.replace(".", ".."), "Bearer%20" + token);
        switch (random.nextInt(6)) {
            case 0 -> {
                return new String[]{"absent", null};
            }
            case 1 -> {
                byte[] bytes = new byte[5 + random.nextInt(300)];
                random.nextBytes(bytes);
                String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                return new String[]{"random", "Bearer " + (random.nextBoolean() ? text
                        : text.substring(0, text.length() / 3) + "." + text.substring(text.length() / 3) + ".sig")};
            }
            case 2 -> {
                int at = random.nextInt(dot);
                char replacement = pick(List.of('A', 'B', 'x', 'y', '0', '9', '-', '_'), random);
                if (token.charAt(at) == '.' || token.charAt(at) == replacement) {
                    return new String[]{"token-altered", "Bearer " + token.substring(0, dot) + "X" + token.substring(dot)};
                }
                return new String[]{"token-altered", "Bearer " + token.substring(0, at) + replacement + token.substring(at + 1)};
            }
            case 3 -> {
                return new String[]{"token-truncated", "Bearer " + token.substring(0, random.nextInt(token.length() - 2))};
            }
            case 4 -> {
                // base64url is case-sensitive: a token in other letter cases is another (forged) token
                String flipped = switch (random.nextInt(3)) {
                    case 0 -> token.toUpperCase(java.util.Locale.ROOT);
                    case 1 -> token.toLowerCase(java.util.Locale.ROOT);
                    default -> {
                        int at = random.nextInt(dot);
                        while (!Character.isLetter(token.charAt(at))) {
                            at = (at + 1) % dot;
                        }
                        char c = token.charAt(at);
                        yield token.substring(0, at) + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)) + token.substring(at + 1);
                    }
                };
                return new String[]{"token-case-changed", "Bearer " + flipped};
            }
            default -> {
                return new String[]{"malformed", pick(plain, random)};
            }
        }
    }

    /** A kind (for the figures) and an {@code If-Match} value that is malformed or names no current version. */
    private String[] badIfMatch(Random random) {
        long version = Long.parseLong(fixture.victimTaskVersion().replace("\"", ""));
        long stale = random.nextBoolean() && version > 0 ? random.nextLong(version) : version + 1 + random.nextInt(1000);
        if (random.nextBoolean()) {
            return new String[]{"stale-or-foreign", pick(List.of("\"" + stale + "\"", "W/\"" + stale + "\"", "\"abc\"", "\"-1\"", "\"\"", "\"" + Texts.digits(random, 20 + random.nextInt(5_000)) + "\"",
                    "\"" + stale + "\", \"abc\"", "W/\"x\", W/\"y\"", "\"0x" + version + "\"", "\"" + version + ".0\""), random)};
        }
        return new String[]{"malformed", pick(List.of("abc", "\"unterminated", "W/", "W/abc", "\"a\"b", "\"1\" \"2\"", "\"" + version + "\", \"" + stale + "\"", ",", "*, \"1\"",
                "\"" + version + "\"x", "w/\"" + version + "\"", version + "", "'" + version + "'", "\"" + version + "\"\"", "W/ \"" + version + "\"",
                "\"a b\"", "\"" + version + "\";q=1", "**", "\"\\\"\""), random)};
    }

    private static String randomMediaType(Random random) {
        String token = "abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~";
        StringBuilder type = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            type.append(token.charAt(random.nextInt(token.length())));
        }
        type.append('/');
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            type.append(token.charAt(random.nextInt(token.length())));
        }
        String text = type.toString();
        return text.toLowerCase().startsWith("application/") && text.toLowerCase().endsWith("+json") ? text + "x" : text;
    }

    // ------------------------------------------------------------------ helpers

    private String validBody(BodyRoute route, Random random) {
        return JsonText.object(BodyRoutes.validMembers(route, fixture, random), random);
    }

    /** Adds, now and then, members no route reads (they never rescue a bad body), and shuffles. */
    static List<Member> withUnknown(List<Member> members, BodyRoute route, Random random) {
        List<Member> result = new ArrayList<>(members);
        Set<String> taken = new HashSet<>(route.fieldNames());
        result.forEach(member -> taken.add(member.key()));
        int extra = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < extra; i++) {
            String key = unknownKey(random);
            if (taken.add(key) && taken.add(JsonText.quote(key))) {
                result.add(Member.of(key, Texts.anyValue(random, 3)));
            }
        }
        if (random.nextBoolean()) {
            Collections.shuffle(result, random);
        }
        return result;
    }

    private static final List<String> UNKNOWN_KEYS = List.of("id", "user_id", "owner", "owner_id", "created_at", "updated_at", "version", "etag",
            "Title", "TITLE", "title ", " title", "titles", "tit\u0000le", "", "__proto__", "constructor", "$where", "conversation_id",
            "role_", "completed_at", "Email", "PASSWORD", "is_admin", "deleted", "ünïcödé", "键");

    static String unknownKey(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Texts.text(random, 1 + random.nextInt(20));
            case 1 -> "k".repeat(100 + random.nextInt(900));
            default -> pick(UNKNOWN_KEYS, random);
        };
    }

    private static Input body(String category, BodyRoute route, String json, Expected expected, Random random) {
        return new Input(category, route.method(), route.path(), Map.of(), pick(JSON_TYPES, random), utf8(json), random.nextInt(8) == 0, expected);
    }

    private boolean spendPasswordWork() {
        if (passwordWorkLeft <= 0) {
            return false;
        }
        passwordWorkLeft--;
        return true;
    }

    /** Routes that cost a bcrypt hash when well-formed are drawn as often as others, but their well-formed bodies are rationed. */
    private static BodyRoute pickRoute(List<BodyRoute> routes, Random random) {
        return routes.get(random.nextInt(routes.size()));
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String oneOfOrRandom(Random random, List<String> corpus, List<String> valid) {
        if (random.nextInt(4) != 0) {
            return pick(corpus, random);
        }
        String text = Texts.text(random, random.nextInt(30));
        return valid.contains(text) ? text + "!" : text;
    }

    /** What the domain accepts as a due date: {@code YYYY-MM-DD}, a real calendar day, year 1 or later. */
    private static boolean isValidDate(String text) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            return false;
        }
        try {
            return java.time.LocalDate.parse(text).getYear() >= 1;
        } catch (java.time.format.DateTimeParseException notADate) {
            return false;
        }
    }

    private static String caseVariant(String email, Random random) {
        StringBuilder variant = new StringBuilder();
        for (char c : email.toCharArray()) {
            variant.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return variant.toString().equals(email) ? email.toUpperCase() : variant.toString();
    }

    private static String withNul(String text, Random random) {
        int at = text.offsetByCodePoints(0, random.nextInt(text.codePointCount(0, text.length()) + 1));
        return text.substring(0, at) + "\u0000" + text.substring(at);
    }

    private static String withLoneSurrogate(String text, Random random) {
        int at = text.offsetByCodePoints(0, random.nextInt(text.codePointCount(0, text.length()) + 1));
        return text.substring(0, at) + (random.nextBoolean() ? "\ud800" : "\udfff") + text.substring(at);
    }

    private static String unquote(String jsonKey) {
        return jsonKey.length() >= 2 && jsonKey.startsWith("\"") ? jsonKey.substring(1, jsonKey.length() - 1) : jsonKey;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code text} with {@link #MARK} replaced by raw bytes. */
    private static byte[] withRaw(String text, int... bytes) {
        int at = text.indexOf(MARK);
        return new JsonText.Bytes().text(text.substring(0, at)).raw(bytes).text(text.substring(at + MARK.length())).toByteArray();
    }
}

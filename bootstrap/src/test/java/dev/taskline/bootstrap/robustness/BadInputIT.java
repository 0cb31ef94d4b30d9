package dev.taskline.bootstrap.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskline.bootstrap.api.ApiClient;
import dev.taskline.bootstrap.api.ApiServer;
import dev.taskline.bootstrap.api.TestUser;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, generated (docs/reliability.md, "Bad input"): thousands of requests drawn at random
 * from corpora of known-bad forms against every endpoint of a real server on a real database. The
 * property, for every one of them: the answer is a 4xx problem document ({@code type},
 * {@code title}, {@code status}, {@code detail}), never a 5xx, never without an answer within
 * {@link Fuzzer#TIMEOUT}; only inputs that are valid by construction may be served. Afterwards
 * the database is unchanged: the victim's and the other user's state through the API, and every
 * row of every table read over JDBC.
 *
 * <p>Each property prints {@code ROBUSTNESS <name>: inputs=…, 4xx=…, 5xx=…, hangs=…, …}; a run is
 * replayed with {@code -Drobustness.seed=<seed>}. The server throttles no sign-ins here (the
 * test servers' default); the well-formed login and registration bodies, which cost a bcrypt
 * hash each, are rationed to {@link #PASSWORD_WORK_PER_PROPERTY} per property.
 */
class BadInputIT {
    static final int PASSWORD_WORK_PER_PROPERTY = 16;

    @RegisterExtension
    static final ApiServer server = new ApiServer();
    /** Sends the bad inputs. */
    static ApiClient api;
    /** Prepares and checks, on connections of its own that no bad input has been sent on. */
    static ApiClient checker;

    @BeforeAll
    static void clients() {
        api = server.api();
        checker = server.newClient();
    }

    @Test
    void malformedJson_everyBodyRoute_is400_andChangesNothing() {
        refusedWithoutATrace("malformed-json", 1_500, inputs -> inputs::malformed);
    }

    @Test
    void wrongTypesAndInvalidValues_everyField_are400NamingTheField_andChangeNothing() {
        refusedWithoutATrace("wrong-types-and-values", 1_500, inputs -> inputs::fields);
    }

    @Test
    void invalidUtf8_nulAndUnpairedSurrogates_areRefused_andChangeNothing() {
        refusedWithoutATrace("invalid-utf8-nul-surrogates", 800, inputs -> inputs::encoding);
    }

    @Test
    void impossibleIdsAndOddMethods_everyRouteWithAnId_are404or400_andChangeNothing() {
        refusedWithoutATrace("ids-in-paths", 900, inputs -> random -> random.nextInt(10) == 0 ? inputs.oddMethod(random) : inputs.pathId(random));
    }

    @Test
    void oddQueryParametersAndCursors_everyList_are400_orAPageOfOnesOwnRows() {
        refusedWithoutATrace("query-parameters-and-cursors", 1_000, inputs -> inputs::query);
    }

    @Test
    void wrongHeaders_contentTypeTokenIfMatchSize_areRefused_andChangeNothing() {
        refusedWithoutATrace("headers", 600, inputs -> inputs::header);
    }

    @Test
    void unknownFields_areIgnored_theRequestIsServedAsWithoutThem() {
        Fixture fixture = Fixture.create(checker, "unknown-fields");
        TestUser uma = checker.register("unknown-fields-uma@example.com");
        JsonNode task = checker.createTask(uma, "Uma's task");
        long conversation = checker.createConversation(uma).get("id").asLong();
        ObjectNode victimBefore = checker.stateOf(fixture.victim());
        ObjectNode otherBefore = checker.stateOf(fixture.other());
        UnknownFields valid = new UnknownFields(uma, fixture, task, conversation);

        Fuzzer.Report report = Fuzzer.run(api, uma.authorization(), "unknown-fields-ignored", 400, valid::next);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(report.violations()).as(report.failures()).isEmpty();
        softly.assertThat(checker.stateOf(fixture.victim())).as("the victim's state").isEqualTo(victimBefore);
        softly.assertThat(checker.stateOf(fixture.other())).as("the other user's state").isEqualTo(otherBefore);
        ObjectNode umaAfter = checker.stateOf(uma);
        softly.assertThat(umaAfter.get("tasks")).as("Uma's tasks: her first and each one answered 201").hasSize(1 + valid.tasksCreated);
        softly.assertThat(umaAfter.get("conversations")).as("Uma's conversations").hasSize(1 + valid.conversationsCreated);
        softly.assertThat(umaAfter.at("/conversations").findValues("messages").stream().mapToInt(JsonNode::size).sum())
                .as("Uma's messages").isEqualTo(valid.messagesAppended);
        softly.assertAll();
        assertThat(report.count(200, 299)).as("every input of this property is valid").isEqualTo(report.inputs());
    }

    /**
     * Runs a property of inputs that must all be refused, aimed at a victim and another user of its
     * own (so that damage done by one property cannot spoil the next), then checks that nothing
     * changed: both users' state through the API, and every row of every table over JDBC.
     */
    private static void refusedWithoutATrace(String name, int tries, Function<BadInputs, Function<Random, Input>> generator) {
        Fixture fixture = Fixture.create(checker, name);
        ObjectNode victimBefore = checker.stateOf(fixture.victim());
        ObjectNode otherBefore = checker.stateOf(fixture.other());
        Map<String, String> databaseBefore = DatabaseDigest.of(server.dataSource());

        Fuzzer.Report report = Fuzzer.run(api, fixture.victim().authorization(), name, tries,
                generator.apply(new BadInputs(fixture, PASSWORD_WORK_PER_PROPERTY)));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(report.violations()).as(report.failures()).isEmpty();
        softly.assertThat(report.count(500, 599)).as("5xx answers").isZero();
        softly.assertThat(report.hangs()).as("inputs without an answer within %s", Fuzzer.TIMEOUT).isZero();
        softly.check(() -> assertThat(checker.stateOf(fixture.victim())).as("the victim's state after %s", name).isEqualTo(victimBefore));
        softly.check(() -> assertThat(checker.stateOf(fixture.other())).as("the other user's state after %s", name).isEqualTo(otherBefore));
        softly.assertThat(DatabaseDigest.of(server.dataSource())).as("every row of every table after %s", name).isEqualTo(databaseBefore);
        softly.assertAll();
    }
}

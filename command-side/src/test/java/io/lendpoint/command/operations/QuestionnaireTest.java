package io.lendpoint.command.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.api.operations.AnswerQuestionnaire;
import io.lendpoint.api.operations.CloseQuestionnaire;
import io.lendpoint.api.operations.DefineQuestionnaire;
import io.lendpoint.api.operations.Question;
import io.lendpoint.api.operations.QuestionKind;
import io.lendpoint.api.operations.QuestionnaireAnswered;
import io.lendpoint.api.operations.QuestionnaireClosed;
import io.lendpoint.api.operations.QuestionnaireDefined;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.serialization.MessageJson;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lendpoint.command.PointStandings;

import static io.lendpoint.command.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionnaireTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final List<Question> QUESTIONS = List.of(
            new Question("overall", "总体满意度", QuestionKind.SCALE_5, null, true),
            new Question("delivery", "配送是否及时", QuestionKind.SINGLE_CHOICE, List.of("及时", "一般", "不及时"), false),
            new Question("wish", "希望增加哪些图书", QuestionKind.TEXT, null, false));
    private static final QuestionnaireDefined DEFINED = new QuestionnaireDefined("qn-1", "2026 年度满意度调查", QUESTIONS);

    private FixtureConfiguration<Questionnaire> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Questionnaire.class);
        fixture.registerInjectableResource(PointStandings.of(servicePointId -> servicePointId.equals("sp-x") ? ServicePointStatus.APPLIED
                        : ServicePointStatus.ACTIVE));
    }

    private static Map<String, String> answers(String overall, String delivery, String wish) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("overall", overall);
        answers.put("delivery", delivery);
        answers.put("wish", wish);
        return answers;
    }

    @Test
    @DisplayName("§6.3 a questionnaire of scales, choices and text; an invalid definition is refused naming each problem")
    void defined() {
        fixture.givenNoPriorActivity()
                .when(new DefineQuestionnaire("qn-1", "2026 年度满意度调查", QUESTIONS))
                .expectEvents(DEFINED);
        fixture.givenNoPriorActivity()
                .when(new DefineQuestionnaire("qn-1", "t", List.of(
                        new Question("a", "?", QuestionKind.SINGLE_CHOICE, List.of("是"), false),
                        new Question("a", "?", QuestionKind.TEXT, null, true))))
                .expectException(violation("questionnaire.invalid")).expectNoEvents();
    }

    @Test
    @DisplayName("§6.3 a point's response is checked against each question; the overall answer is its satisfaction score")
    void answered() {
        fixture.given(DEFINED).andGivenCurrentTime(NOW)
                .when(new AnswerQuestionnaire("qn-1", "r-1", "sp-1", DAY, "图书管理员", answers("4", "及时", " 多些绘本 ")))
                .expectEvents(new QuestionnaireAnswered("qn-1", "r-1", "sp-1", DAY, "图书管理员",
                        answers("4", "及时", "多些绘本"), 4));
        fixture.given(DEFINED).andGivenCurrentTime(NOW)
                .when(new AnswerQuestionnaire("qn-1", "r-1", "sp-1", DAY, null, answers("6", "很好", "x")))
                .expectException(violation("questionnaire.answers-invalid")).expectNoEvents();
        fixture.given(DEFINED).andGivenCurrentTime(NOW)
                .when(new AnswerQuestionnaire("qn-1", "r-1", "sp-1", DAY, null, Map.of("colour", "red")))
                .expectException(violation("questionnaire.answers-invalid")).expectNoEvents();
        fixture.given(DEFINED).andGivenCurrentTime(NOW)
                .when(new AnswerQuestionnaire("qn-1", "r-1", "sp-x", DAY, null, Map.of("overall", "3")))
                .expectException(violation("questionnaire.point-not-served")).expectNoEvents();
    }

    @Test
    @DisplayName("§6.3 a response is recorded once; a closed questionnaire takes no more")
    void onceAndClosed() {
        QuestionnaireAnswered first = new QuestionnaireAnswered("qn-1", "r-1", "sp-1", DAY, null, Map.of("overall", "5"), 5);
        fixture.given(DEFINED, first).andGivenCurrentTime(NOW)
                .when(new AnswerQuestionnaire("qn-1", "r-1", "sp-1", DAY, null, Map.of("overall", "5")))
                .expectException(violation("questionnaire.response-exists")).expectNoEvents();
        fixture.given(DEFINED)
                .when(new CloseQuestionnaire("qn-1"))
                .expectEvents(new QuestionnaireClosed("qn-1"));
        fixture.given(DEFINED, new QuestionnaireClosed("qn-1")).andGivenCurrentTime(NOW)
                .when(new AnswerQuestionnaire("qn-1", "r-2", "sp-1", DAY, null, Map.of("overall", "5")))
                .expectException(violation("questionnaire.closed")).expectNoEvents();
    }

    @Test
    @DisplayName("a questionnaire's snapshot round-trips through Jackson with its questions and responses")
    void snapshotRoundTrip() throws Exception {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.on(DEFINED);
        questionnaire.on(new QuestionnaireAnswered("qn-1", "r-1", "sp-1", DAY, null, Map.of("overall", "5"), 5));
        ObjectMapper json = MessageJson.newObjectMapper();
        String snapshot = json.writeValueAsString(questionnaire);
        assertThat(snapshot).contains("\"questionnaireId\":\"qn-1\"", "\"r-1\"", "\"delivery\"");
        Questionnaire read = json.readValue(snapshot, Questionnaire.class);
        assertThat(json.writeValueAsString(read)).isEqualTo(snapshot);
    }
}

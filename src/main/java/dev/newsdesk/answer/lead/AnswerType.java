package dev.newsdesk.answer.lead;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, read from its wording alone (no model): "Who ..." asks for a person,
 * "Which company ..." for an organization, "How many ..." for a number, "Does ... ?" for yes or no. The type decides
 * which spans of the evidence can be a lead and how they are scored.
 */
public enum AnswerType {
    PERSON("person"), ORGANIZATION("organization"), PLACE("place"), NUMBER("number"), DATE("date"),
    COMPARISON("comparison"), YES_NO("yes-no"), OPEN("open");

    private final String id;

    AnswerType(String id) {
        this.id = id;
    }

    /** The lower-case name used in JSON and reports. */
    public String id() {
        return id;
    }

    /**
     * True for the types whose lead is a name (a run of capitalised words). An open question ("What did Blinken
     * tell ...?") gets no lead: its answer is what the sentences say, not a name in them.
     */
    public boolean wantsName() {
        return this == PERSON || this == ORGANIZATION || this == PLACE;
    }

    private static final Pattern AUX = Pattern.compile(
            "(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would|should|shall|may|might|must)");
    private static final Pattern YES_NO_START = Pattern.compile("^" + AUX.pattern() + "\\b.*");
    /** "Between A and B, has the narrative changed?": a framing phrase, then a yes/no main clause. */
    private static final Pattern YES_NO_AFTER_FRAME = Pattern.compile(
            "^(?:between|after|before|following|considering|given|in|from|when|while|since|according|based)\\b[^?]*?,\\s*"
                    + AUX.pattern() + "\\b.*");
    private static final Pattern FRAMED_WH = Pattern.compile(
            "^(?:between|after|before|following|considering|given|in light of|based on|according to)\\b[^?]*?,\\s*((?:which|who|what)\\b.*)");
    private static final Pattern PERSON_NOUN = Pattern.compile("\\b(?:individual|person|people|man|woman|ceo|founder|"
            + "co-founder|chief|executive|player|athlete|quarterback|coach|actor|actress|singer|artist|musician|author|"
            + "writer|director|president|politician|leader|figure|celebrit(?:y|ie)|filmmaker|entrepreneur|billionaire|star|journalist|"
            + "judge|lawyer|official|senator|minister|manager|driver|golfer|pitcher|receiver|boxer|fighter|investor|"
            + "host|rapper|footballer|cricketer|tennis player|defendant|witness|prosecutor|head coach|owner|"
            + "prime minister|king|queen|prince|princess)s?\\b");
    private static final Pattern ORG_NOUN = Pattern.compile("\\b(?:company|companies|organization|organisation|firm|"
            + "corporation|business|startup|start-up|entity|institution|agency|exchange|platform|service|brand|"
            + "manufacturer|maker|retailer|network|team|club|franchise|bank|group|publication|outlet|studio|"
            + "developer|publisher|app|product|device|model|tool|chatbot|league|party|government|court|university|"
            + "school|website|site|operator|provider|giant|conglomerate|automaker|airline|label|body|regulator|"
            + "program|programme|technology|console|game|show|series|film|movie|event|tournament|award|book)s?\\b");
    private static final Pattern PLACE_NOUN = Pattern.compile("\\b(?:city|country|state|nation|town|region|place|"
            + "location|venue|stadium|continent|island|province|county)\\b");
    private static final Pattern COMPARISON_WORDS = Pattern.compile("\\b(?:more|less|fewer|higher|lower|larger|"
            + "smaller|bigger|earlier|later|first|before or after|same|different|greater)\\b.*\\bor\\b");

    private static final Pattern ASKS_INITIAL = Pattern.compile(
            "(?i)\\b(?:which|what)\\s+(?:single\\s+)?(?:letter|initial|character)\\b");

    /**
     * "Which single letter represents the first initial of the executive ...": the question asks for a letter that
     * no article states as such. An extractive answer can only give it as part of a name it found (the lead).
     */
    public static boolean asksForInitial(String question) {
        return ASKS_INITIAL.matcher(question).find();
    }

    /** The answer type of {@code question}; {@link #OPEN} when the wording does not say. */
    public static AnswerType of(String question) {
        String q = question.strip().toLowerCase(Locale.ROOT).replaceAll("[\u2018\u2019]", "'").replaceAll("\\s+", " ");
        // "Considering what TechCrunch reported, which company ...": the framing phrase, then the real question
        var framed = FRAMED_WH.matcher(q);
        if (framed.find()) return of(q.substring(framed.start(1)));
        // A comparison asks "which ... more ... , A or B?"; checked first, as it may also start with "which".
        if (q.matches("^(?:which|who|what)\\b.*") && COMPARISON_WORDS.matcher(q).find()) return COMPARISON;
        if (q.startsWith("how many") || q.startsWith("how much") || q.matches("^what (?:is |was |were |are )?(?:the )?"
                + "(?:percentage|percent|number|amount|total|price|cost|value|sum|figure|rate|share|size|count)\\b.*")) {
            return NUMBER;
        }
        if (q.startsWith("when") || q.matches("^(?:on |in )?(?:what|which) (?:date|day|year|month|time)\\b.*")) return DATE;
        if (q.startsWith("where")) return PLACE;
        if (YES_NO_START.matcher(q).matches() || YES_NO_AFTER_FRAME.matcher(q).matches()) return YES_NO;
        if (q.startsWith("who") || q.startsWith("whom") || q.startsWith("whose")) {
            // "Who, according to ..., built ..." asks for a person; "which company ... who ..." was caught below
            return PERSON;
        }
        String head = wordsAfterWh(q);
        if (head != null) {
            if (PERSON_NOUN.matcher(head).find()) return PERSON;
            if (PLACE_NOUN.matcher(head).find()) return PLACE;
            if (ORG_NOUN.matcher(head).find()) return ORGANIZATION;
            // "What is the name of the AI developed by OpenAI ...": a name, most often of a product or organization
            if (q.matches("^(?:what|which) (?:is|was|are|were) the names? of\\b.*")) return ORGANIZATION;
        }
        return OPEN;
    }

    /**
     * The few words that name what is asked for: "which company ..." gives "company ...", "what is the name of the
     * organization ..." gives "organization ...". Null when the question does not start with which/what.
     */
    private static String wordsAfterWh(String q) {
        var m = Pattern.compile("^(?:in |of |for |by )?(?:which|what)(?: is| was| are| were)?(?: the)?(?: name of the| name of)?"
                + "(?: (?:one|kind|type) of)?(?: the| an| a)? ([^,?]*)").matcher(q);
        if (!m.find()) return null;
        String[] words = m.group(1).split(" ");
        return String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(4, words.length)));
    }
}

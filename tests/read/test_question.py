import pytest

from qa.read.question import Kind, Wants, analyze
from qa.text import stem


@pytest.mark.parametrize(
    ("question", "kind", "head"),
    [
        ("Who is Eric Chan?", Kind.DESCRIBE, None),
        ("Who is the mayor of Shenzhen?", Kind.PERSON, None),
        ("Who announced the measures?", Kind.PERSON, None),
        ("When will the branch open?", Kind.TIME, None),
        ("In which year was it proposed?", Kind.TIME, "year"),
        ("How long ago did the State Council announce it?", Kind.TIME, None),  # "how long ago" asks when
        ("Where was the press conference held?", Kind.PLACE, None),
        ("How many projects will Shenzhen launch?", Kind.COUNT, "project"),
        # what "how many" counts is the first plural of the phrase after it, before its verb or object
        ("How many universities set up innovation centres?", Kind.COUNT, "university"),
        ("How many Hong Kong universities have set up centres?", Kind.COUNT, "university"),
        ("How many students attend the five universities?", Kind.COUNT, "student"),
        ("How many copies of the game had been sold?", Kind.COUNT, "copy"),
        ("How many James Bond films has Eon produced?", Kind.COUNT, "film"),  # a name is no plural
        ("How many people work at the park?", Kind.COUNT, "people"),
        ("How many of Chopin's works still exist?", Kind.COUNT, "work"),
        ("How big is the Shenzhen side of the park?", Kind.QUANTITY, None),
        ("What is the population of Zhuhai?", Kind.QUANTITY, "population"),
        ("What is the Hong Kong side's area?", Kind.QUANTITY, "area"),
        # words before a count or sum; before an area or value only a word that measures it
        ("What is the non-Hispanic white population of Houston?", Kind.QUANTITY, "population"),
        ("What is the total number of dams damaged?", Kind.QUANTITY, "number"),
        ("What is the land area of Jacksonville?", Kind.QUANTITY, "area"),
        ("What was the specific area of gameplay that was new?", Kind.ENTITY, None),
        ("What was the idealized value of imperialism?", Kind.ENTITY, None),
        ("What does the Hong Kong side of the park measure?", Kind.QUANTITY, None),
        ("What did the strongest aftershock measure?", Kind.QUANTITY, None),
        ("What size is the Shenzhen portion of the park?", Kind.QUANTITY, "size"),  # "What is the size of …?"
        ("What size shoes does he wear?", Kind.ENTITY, "size"),
        ("What does the Fogg Museum cover?", Kind.ENTITY, None),
        ("Which countries make up Brics?", Kind.LIST, "country"),
        ("Which two countries signed the treaty?", Kind.LIST, "country"),  # a number is no head noun
        ("Which river separates the two sections?", Kind.ENTITY, "river"),
        # an adjective or a name before the noun modifies it: the noun is the head, and says the kind
        ("What major award did the book receive?", Kind.ENTITY, "award"),
        ("Which Egyptian president jailed the members?", Kind.PERSON, "president"),
        ("Which Chinese city hosts the branch?", Kind.PLACE, "city"),
        ("Which semi-official think tank is mentioned?", Kind.ENTITY, "think"),  # a compound keeps its first
        ("Which historic empire used cultural imperialism?", Kind.ENTITY, "empire"),  # a verb ends the phrase
        ("What UN secretary went to Harvard?", Kind.ENTITY, "secretary"),  # a post modifies nothing
        # but heads the noun before it, and the post a lesser one comes before
        ("Which customs official spoke on Tuesday?", Kind.PERSON, "official"),
        ("Which deputy director promised it?", Kind.PERSON, "director"),
        ("What Columbia President went to Harvard?", Kind.PERSON, "president"),
        ("What famous 5.9-mile event takes place?", Kind.ENTITY, "famous"),  # so does a number
        ("What is the Greater Bay Area?", Kind.DESCRIBE, None),
        ("What position does Witman Hung hold?", Kind.DESCRIBE, "position"),
        # "NAME's post" asks for the post, as "What post …" does
        ("What is Lau Siu-kai's title?", Kind.DESCRIBE, "title"),
        ("What was Sun Yuning’s job?", Kind.DESCRIBE, "job"),
        ("What is Hung's former post?", Kind.DESCRIBE, "post"),
        ("What is Witman Hung's position at the Chinese Big Data Society?", Kind.DESCRIBE, "position"),  # and where
        ("What was the title of Sun Yuning at the customs agency?", Kind.DESCRIBE, "title"),  # "the post of NAME"
        ("What was the title of Beyonce's mother's book?", Kind.ENTITY, None),  # the title of a thing: its name
        ("What is the title of the book?", Kind.ENTITY, None),
        ("How does Jacksonville's Filipino population rank?", Kind.ENTITY, None),  # "rank", a verb
        ("What is the Hetao zone?", Kind.DESCRIBE, None),
        # "What is X?" where X relates to something else asks for a name or a value, not a description:
        ("What was the name of Giovanni da Verrazzano's ship?", Kind.ENTITY, None),
        ("What is the second largest library in the US?", Kind.ENTITY, None),
        ("What is a fundamentalist interpretation of Islam called?", Kind.ENTITY, None),
        ("What is the full name of Verrazzano's ship?", Kind.ENTITY, None),  # (a named thing's: a name, in full)
        ("What is Harvard's most intense rival?", Kind.ENTITY, None),
        # "of" inside a name joins its words: the thing is named, and described
        ("What is the Chinese Association of Hong Kong and Macau Studies?", Kind.DESCRIBE, None),
        ("What is the Institute for Advanced Study?", Kind.DESCRIBE, None),
        ("What is the capital of France?", Kind.ENTITY, None),
        ("What is the President of the United States?", Kind.ENTITY, None),  # a post's: who holds it
        ("What is the GDP of the Greater Bay Area?", Kind.ENTITY, None),  # initials of a measure: its value
        ("Who was the Grand Secretary under Jiajing?", Kind.PERSON, None),
        # "Who is the <title>?" asks who holds the post; a name that ends in a word of rank is described:
        ("Who is the Chinese President?", Kind.PERSON, None),
        ("Who was the Hongwu Emperor?", Kind.DESCRIBE, None),
        # an owner is the thing asked for: "Which city's mayor …?" asks for a city, not the mayor
        ("Could you say which city's mayor spoke at the press conference?", Kind.PLACE, "city"),
        ("Which countries' leaders met?", Kind.LIST, "country"),
        ("What famous Indian's actions were considered civil disobedience?", Kind.ENTITY, "indian"),
        ("Besides data, what else will move more freely?", Kind.ENTITY, None),
        # the name of a post's holder is a person's
        ("What is the name of the Brics institute's director?", Kind.PERSON, "director"),
        ("What was the name of the mayor of Jacksonville?", Kind.PERSON, "mayor"),
        ("What is the name of the river?", Kind.ENTITY, None),
        # a cause or a purpose
        ("Why did Eric Chan fly to Beijing?", Kind.REASON, None),
        ("For what reason did Chan fly to Beijing?", Kind.REASON, None),
        ("What was the main purpose of the channel?", Kind.REASON, None),
    ],
)
def test_question_kinds(question, kind, head):
    analyzed = analyze(question)
    assert analyzed.kind is kind and analyzed.head == head


def test_content_terms_drop_the_wh_phrase_but_keep_names():
    assert analyze("How big is the Chinese Big Data Society?").terms == ("chinese", "big", "data", "society")
    assert analyze("Who is Eric Chan?").proper == ("eric", "chan")


def test_the_kind_of_a_named_thing_is_the_last_word_after_its_name():
    from qa.read.question import described_kind

    assert described_kind(analyze("What is the Hetao zone?")) == "zone"
    assert described_kind(analyze("What is the Greater Bay Area framework?")) == "framework"
    assert described_kind(analyze("What is the Hetao Zone?")) == ""  # all of it is the name
    assert described_kind(analyze("Who is Eric Chan?")) == "" and described_kind(analyze("What is the zone?")) == ""


@pytest.mark.parametrize(
    "question",
    ["What is the full name of the Hetao zone?", "What is the Hetao zone's official name?"],
)
def test_the_full_name_of_a_named_thing_is_asked_as_what_names_it_in_full(question):
    from qa.read.question import asks_definition

    q = analyze(question)
    assert q.kind is Kind.DESCRIBE and q.target == ("hetao", "zone") and Wants.FULL_NAME in q.wants
    # the sentence that names it in full need not say "full name"
    assert q.terms == ("hetao", "zone") and asks_definition(q)
    person = analyze("What is Eric Chan's full name?")  # a person's: the name read as it stands
    assert person.kind is Kind.ENTITY and Wants.FULL_NAME in person.wants and not asks_definition(person)


def test_definitions_are_who_or_what_is_a_name():
    from qa.read.question import asks_definition

    assert asks_definition(analyze("Who is Eric Chan?")) and asks_definition(analyze("What is the Hetao Zone?"))
    assert not asks_definition(analyze("Who is the mayor of Shenzhen?"))
    # "the" name and the kind of thing it names; not a name and what is said of it
    assert asks_definition(analyze("What is the Hetao zone?"))
    assert not asks_definition(analyze("What is Hong Kong described as?"))
    assert not asks_definition(analyze("What was Hung formerly?"))
    assert not asks_definition(analyze("What post did Hung formerly hold at the Shenzhen Qianhai Authority?"))
    # "What is NAME's title?" wants what "Who is NAME?" gets: a description of the named person
    title = analyze("What is Lau Siu-kai's title?")
    assert asks_definition(title) and title.target == ("lau", "siu-kai")
    # whose post: the person, not an owner named before ("Notre Dame's Theodore Hesburgh")
    assert analyze("What is the title of Notre Dame's Theodore Hesburgh?").target == ("theodore", "hesburgh")


@pytest.mark.parametrize(
    ("question", "credit"),
    [
        ("Who took the photo of the border area?", True),
        ("Who photographed the border area?", True),
        ("Who is the photographer?", True),
        ("Whose photo shows the border area?", True),
        ("By whom was the picture taken?", True),
        ("Who is credited with the photo of the border area?", True),
        ("Who captured the image of the border area?", True),
        # who is in a photo, or took something else, is no question about its credit
        ("Who appears in the photo?", False),
        ("Which official attends a press conference in the handout photo?", False),
        ("Who took office in 2017?", False),
        ("Who shot the president?", False),
        ("Who captured the fort?", False),
    ],
)
def test_who_took_a_photo_asks_for_its_credit(question, credit):
    from qa.read.question import Wants

    assert (Wants.CREDIT in analyze(question).wants) is credit


def test_what_a_question_wants_beyond_its_type():
    from qa.read.question import Wants

    assert analyze("How much does the branch cost?").wants == {Wants.MONEY}
    assert analyze("How much did the branch cost in dollars?").wants == set()  # it names the unit
    assert analyze("How much more money did Spectre make than Skyfall?").wants == {Wants.MONEY, Wants.DIFFERENCE}
    assert analyze("How much bigger is the Shenzhen side?").wants == {Wants.DIFFERENCE}
    assert analyze("How much further is the park?").wants == {Wants.DIFFERENCE}
    assert analyze("How many further projects will start?").wants == set()  # more of them, no difference
    assert Wants.MONEY in analyze("What is the budget of the Hetao zone?").wants  # a sum, as "How much …?"
    assert Wants.MONEY in analyze("What is Eric Chan's salary?").wants
    assert Wants.MONEY not in analyze("What is used to decide a teacher's salary?").wants  # a salary's basis
    assert analyze("What is Witman Hung's full name?").wants == {Wants.FULL_NAME}
    assert analyze("Eric Chan's complete name?").wants == {Wants.FULL_NAME}
    assert analyze("What is the Hetao zone's complete official name?").wants == {Wants.FULL_NAME}
    assert analyze("Who is the deputy director of the Customs?").posts == {stem("deputy"), stem("director")}
    assert analyze("Who heads the General Administration of Customs?").wants == {Wants.HEAD}
    assert analyze("Who led the talks?").wants == {Wants.HEAD}
    assert analyze("Who is the head of the General Administration of Customs?").wants == {Wants.HEAD}
    assert analyze("Who was the chief of the Customs?").wants == {Wants.HEAD}
    assert Wants.HEAD not in analyze("Who is the head coach?").wants
    assert analyze("Jules Ferry thought the higher races have a duty to what?").wants == {Wants.VERB}
    assert analyze("Faster clearance is meant to do what?").wants == {Wants.VERB}
    assert Wants.VERB not in analyze("What flows would easier clearance make smoother?").wants
    assert analyze("Who leaked the talks?").wants == set()
    # the words before a post that make its holder none: a lower post unless asked, a former one unless
    # asked or in the past
    from qa.read.question import FORMER, LESSER

    assert analyze("Who heads the General Administration of Customs?").lesser == LESSER | FORMER
    assert analyze("Who is the deputy director of the Customs?").lesser == FORMER
    assert analyze("Who was a professor at Harvard?").lesser == LESSER
    assert analyze("What previous mayor of New York is a billionaire?").lesser == LESSER
    assert analyze("What is the Hetao zone?").lesser == set()
    # a measure of a named thing is a number (SQuAD's 19 such questions all have one in their answers)
    assert analyze("What is the Hong Kong side's area?").wants == {Wants.NUMBER}
    assert analyze("What is the population of Zhuhai?").wants == {Wants.NUMBER}
    assert analyze("What length is the course of study?").wants == {Wants.NUMBER}
    assert analyze("How big is the Hong Kong side?").wants == set()  # "large" may answer it


@pytest.mark.parametrize(
    ("question", "short"),
    [
        ("What does Brics stand for?", "brics"),
        ("What did SPECTRE originally stand for?", "spectre"),
        ("What does B.I.C. stand for?", "bic"),
        ("UHI is an abbreviation of what?", "uhi"),
        ("What is Brics short for?", "brics"),
        # the other way round: the short form is asked for
        ("What is an abbreviation for the Church of Jesus Christ?", ""),
        ("What is Brics?", ""),
    ],
)
def test_what_a_short_form_stands_for(question, short):
    assert analyze(question).short_form == short


@pytest.mark.parametrize(
    ("question", "choices"),
    [
        # a comparing question, then two short choices: each by the terms the other lacks
        ("Which is bigger, the Hong Kong side or the Shenzhen side?", [{"hong", "kong"}, {"shenzhen"}]),
        ("Which film had a larger production staff, Spectre or Skyfall?", [{"spectre"}, {"skyfall"}]),
        ("Which came first, the chicken or the egg?", [{"chicken"}, {"egg"}]),
        # the last items of a list are no choice
        ("Who would teach from a work like the Quran, Torah or Bible?", []),
        ("Which area includes most countries not in North, Central or South America?", []),
        ("Is the Hong Kong side bigger or smaller?", []),
    ],
)
def test_a_question_that_offers_two_choices(question, choices):
    assert [set(c) for c in analyze(question).choices] == choices


@pytest.mark.parametrize(
    ("question", "polar"),
    [
        ("Did Xi Jinping attend the signing ceremony?", True),
        ("Is Eric Chan Hong Kong's No 2 official?", True),
        ("Does Montana have a sales tax?", True),
        ("Is corporal punishment increasing or declining?", False),  # a choice: a span answers it
        ("Had Milosevic not died, what charges might he have faced?", False),  # asks for a thing
        ("Who is Eric Chan?", False),
        # after an opening phrase
        ("According to Hung, is it a competition between the two places?", True),
        ("In 2020, did Xi emphasise the zone?", True),
        ("According to Hung, what is it?", False),
        ("Hung, the chairman, spoke to whom?", False),
    ],
)
def test_a_yes_no_question_is_told_from_one_that_asks_for_a_thing(question, polar):
    assert analyze(question).polar is polar


@pytest.mark.parametrize(
    ("question", "excluded"),
    [
        ("Name a city other than Hong Kong and Shenzhen.", [{"hong", "kong"}, {"shenzhen"}]),
        ("Which city besides Hong Kong is in the area?", [{"hong", "kong"}]),  # up to the verb
        ("Apart from laboratory clusters, what is planned?", [{"laboratory", "cluster"}]),
        # a name, then the rest of the question: the name alone ("Qin", not "Qin promised easier immigration")
        ("Who else besides Qin promised easier immigration and clearance?", [{"qin"}]),
        ("Who besides Qin and Sun Yuning spoke?", [{"qin"}, {"sun", "yuning"}]),
        ("Which city besides Hong Kong and Shenzhen is in the area?", [{"hong", "kong"}, {"shenzhen"}]),
        # one who does it with the answer is not the answer
        ("Who else promised easier immigration along with Qin?", [{"qin"}]),
        ("Who spoke together with Sun Yuning?", [{"sun", "yuning"}]),
        ("Who led the division alongside Genghis Khan?", [{"genghi", "khan"}]),  # stems
        ("In addition to laboratory clusters, what is planned?", [{"laboratory", "cluster"}]),
        # words the rest of the question says are not ruled out
        ("Other than T cells, what other immune cells express CYP27B1?", []),
        ("Which city is in the area?", []),
    ],
)
def test_what_a_question_rules_out(question, excluded):
    assert [set(item) for item in analyze(question).excluded] == excluded


def test_plain_terms_are_the_terms_that_are_no_names():
    q = analyze("Who will Hong Kong join hands with?")
    assert q.plain_terms == frozenset(q.terms) - {"hong", "kong"} and stem("join") in q.plain_terms


@pytest.mark.parametrize(
    ("question", "core", "said_by"),
    [
        ("What do the two sides exchange, according to Hung?", "What do the two sides exchange?", ("hung",)),
        ("According to Hung, is it a competition?", "Is it a competition?", ("hung",)),
        ("What, says Lau, is the central government assuming?", "What is the central government assuming?", ("lau",)),
        ("In the words of Professor Lau, who is waging a war?", "Who is waging a war?", ("professor", "lau")),
        ("What role does it take, in Lau's words?", "What role does it take?", ("lau",)),
        ("For what purpose, as Qin and Sun said, can they visit?", "For what purpose can they visit?", ("qin", "sun")),
        ("As Qin put it, to what level will it be taken?", "To what level will it be taken?", ("qin",)),
        ("Who was Chopin's worthy successor according to Jones?", "Who was Chopin's worthy successor?", ("jone",)),
        ("Per Hung, what does he not see it as?", "What does he not see it as?", ("hung",)),
        # a sayer after the question word, before a verb: what is left is the question asked
        ("Who does Lau say is waging a war?", "Who is waging a war?", ("lau",)),
        ("How many people did Wei Hong say were missing?", "How many people were missing?", ("wei", "hong")),
        ("Which city did Qin say that will launch projects?", "Which city will launch projects?", ("qin",)),
        ("What did cellular theory claim was in it?", "What did cellular theory claim was in it?", ()),  # lower case
        ("What does Rosen claim influenced her style?", "What influenced her style?", ("rosen",)),
        ("Who does Hung say supports the zone?", "Who supports the zone?", ("hung",)),
        ("What did The Mail claim workers labored for?", "What did The Mail claim workers labored for?", ()),
        ("What does Lau say?", "What does Lau say?", ()),  # nothing after the saying verb
        (
            "How do students rate teachers that they feel are kind?",
            "How do students rate teachers that they feel are kind?",
            (),
        ),
        # typed in lower case: "per" before a title or form of address, not before a role that counts things
        ("per professor lau, what did they set up", "What did they set up", ("professor", "lau")),
        ("What was the cost, per officer?", "What was the cost, per officer?", ()),
        # to whom someone spoke: an aside that names no speaker
        ("What did Hung hail, speaking to the Post?", "What did Hung hail?", ()),
        # no aside: "according to" a common noun without a comma, "per" a unit, nothing left but the aside
        ("Which schools are ranked according to size?", "Which schools are ranked according to size?", ()),
        ("What was the cost, per person?", "What was the cost, per person?", ()),
        ("Who is Eric Chan?", "Who is Eric Chan?", ()),
        ("According to Hung?", "According to Hung?", ()),
    ],
)
def test_an_aside_that_says_whose_words_are_asked_is_set_apart(question, core, said_by):
    q = analyze(question)
    assert (q.text, q.core, q.said_by) == (question, core, said_by)


def test_a_question_with_an_aside_is_typed_as_the_question_left():
    # "…, in Qin's words?" hid "What should the projects complement?" from the patterns that end at "?"
    assert analyze("What role does it take, in Lau's words?").head == analyze("What role does it take?").head
    q = analyze("According to Hung, what is it not?")
    assert (q.kind, q.terms, q.proper) == (analyze("What is it not?").kind, analyze("What is it not?").terms, ())
    assert analyze("According to Hung, is it a competition between the two places?").polar
    assert analyze("Who, according to Eric Chan, will the hub join hands with?").kind is Kind.PERSON

"""How a typed query is read as the plain question it asks (``qa.read.asked``)."""

import pytest

from qa.read.question import analyze


def _looked_up(table):
    """How the documents write a word, from a table of the words a test's documents hold (nothing for others)."""
    from collections import Counter

    return lambda word: table.get(word, Counter())


def test_the_packaged_name_words_are_names_in_lower_case():
    from qa.read.asked import name_words

    words = name_words()
    assert {"shanghai", "taiwan", "london"} <= words
    assert not words & {"mayor", "park", "river", "the", "march", "monday", "functioning"}
    assert all(word == word.lower() and " " not in word for word in words)


def test_a_question_typed_in_one_case_takes_the_documents_casing():
    from collections import Counter

    from qa.read.asked import truecase

    written = {
        "guangzhou": Counter({"Guangzhou": 2}),
        "eric": Counter({"Eric": 3}),
        "chan": Counter({"Chan": 3}),
        "siu-kai": Counter({"Siu-kai": 1}),
        "lau": Counter({"Lau": 2}),
        "park": Counter({"Park": 3, "park": 7}),  # mostly a common word
        "mayor": Counter({"Mayor": 2}),  # a post, capitalised only before a name
        "big": Counter({"Big": 1}),  # only in "Chinese Big Data Society"
    }

    forms = _looked_up(written)

    assert truecase("who is the mayor of guangzhou", forms) == "Who is the mayor of Guangzhou"
    assert truecase("who is eric chan?", forms) == "Who is Eric Chan?"
    assert truecase("eric chan's post?", forms) == "Eric Chan's post?"
    assert truecase("Who is the mayor of guangzhou?", forms) == "Who is the mayor of guangzhou?"  # cased as typed
    assert truecase("WHO IS LAU SIU-KAI?", forms) == "Who is Lau Siu-kai?"
    assert truecase("where is the park?", forms) == "Where is the park?"
    assert truecase("how big is the shenzhen side", {"shenzhen": Counter({"Shenzhen": 9}), **written}.get) == (
        "How big is the Shenzhen side"  # the word after "how" asks how much, and is no name
    )
    # a people's word is a name, whether the documents hold it or not
    assert truecase("how many british universities are there", forms) == "How many British universities are there"
    # so is a word the training pool's paragraphs write as a name, where the documents never write it
    assert truecase("who flew to shanghai", forms) == "Who flew to Shanghai"
    assert truecase("what does the taiwan professor say", forms) == "What does the Taiwan professor say"
    assert truecase("when did the troops march", forms) == "When did the troops march"  # a month's name, a verb
    assert truecase("what functioning mechanism exists", forms) == "What functioning mechanism exists"
    # a question with capitals of its own is read as typed
    assert truecase("Who is eric Chan?", forms) == "Who is eric Chan?"
    assert analyze(truecase("who is eric chan?", forms)).proper == analyze("Who is Eric Chan?").proper


def test_a_question_typed_in_one_case_writes_a_name_of_several_words_as_the_documents_do():
    from collections import Counter

    from qa.read.asked import truecase

    written = {"shenzhen": Counter({"Shenzhen": 9}), "special": Counter({"Special": 1, "special": 2})}
    runs = {"shenzhen": Counter({"Shenzhen Special Economic Zone’s": 1, "Shenzhen River": 1, "Shenzhen": 5})}

    forms = _looked_up(written)

    names = _looked_up(runs)

    # "special" alone is mostly a common word; after "shenzhen" it is part of the name the documents write
    assert truecase("when did the shenzhen special economic zone turn 40", forms, names) == (
        "When did the Shenzhen Special Economic Zone turn 40"
    )
    assert truecase("when did the shenzhen special economic zone turn 40", forms) == (
        "When did the Shenzhen special economic zone turn 40"
    )
    # only a whole run, from a word written as a name: "special data channel" stays as typed
    assert truecase("what is the shenzhen special data channel", forms, names) == (
        "What is the Shenzhen special data channel"
    )
    assert truecase("what is the special economic zone", forms, names) == "What is the special economic zone"


def test_a_question_typed_in_one_case_writes_the_end_of_a_documents_name_as_the_documents_do():
    from collections import Counter

    from qa.read.asked import truecase

    written = {
        "macau": Counter({"Macau": 3}),
        "science": Counter({"Science": 4, "science": 1}),
        "park": Counter({"park": 6, "Park": 3}),
    }
    runs = {"science": Counter({"Hong Kong Science Park": 3, "Science and Technology Innovation": 1})}

    forms = _looked_up(written)

    names = _looked_up(runs)

    # "park" alone is mostly a common word; after "science" it ends the name "Hong Kong Science Park"
    assert truecase("what will the macau science park open", forms, names) == ("What will the Macau Science Park open")
    assert truecase("what will the macau science park open", forms) == "What will the Macau Science park open"
    # only a run's end: "science park branch" writes no "Branch"
    assert truecase("where is the science park branch", forms, names) == "Where is the Science Park branch"


def test_a_question_typed_in_one_case_writes_a_word_no_document_holds_after_a_post_or_name_and_of_as_a_name():
    from collections import Counter

    from qa.read.asked import truecase

    written = {
        "general": Counter({"General": 1}),
        "administration": Counter({"Administration": 1}),
        "director": Counter({"director": 1}),
        "research": Counter({"research": 4}),
        "purpose": Counter({"purposes": 1}),
    }

    forms = _looked_up(written)

    # "london" and "taxation" are in no document: after "the mayor of" and "General Administration of", names
    assert truecase("who is the mayor of london", forms) == "Who is the mayor of London"
    assert truecase("who heads the general administration of taxation", forms) == (
        "Who heads the General Administration of Taxation"
    )
    # a word the documents hold, or one after no post or name, stays as typed
    assert truecase("what is the purpose of research", forms) == "What is the purpose of research"
    assert truecase("what is the director of research", forms) == "What is the director of research"
    assert truecase("what is the role of tianjin", forms) == "What is the role of tianjin"


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("Eric Chan?", "What is Eric Chan?"),
        ("Lau Siu-kai", "What is Lau Siu-kai?"),
        (
            "Chinese Association of Hong Kong and Macau Studies",
            "What is Chinese Association of Hong Kong and Macau Studies?",
        ),
        # a post of a named place asks who holds it
        ("mayor of Shenzhen", "Who is the mayor of Shenzhen?"),
        ("the chief executive of Hong Kong?", "Who is the chief executive of Hong Kong?"),
        # a question, a question word or words that are no name are left as they are
        ("size of Hetao zone", "How big is Hetao zone?"),  # keywords for an attribute, below
        ("mayor of the city", "mayor of the city"),
        ("Who is president of France?", "Who is president of France?"),
        ("Who is Eric Chan?", "Who is Eric Chan?"),
        ("When?", "When?"),
        ("Where Eric?", "Where Eric?"),
        ("Purpose of Telnet", "Purpose of Telnet"),  # the documents write "purpose" in lower case
        # a request asks what a question would: "Name …" / "List …" which ones, "Tell me about …" what it is
        ("Name the five Brics countries.", "Which five Brics countries?"),
        # a post named asks who holds it
        ("Name the customs administration's deputy director.", "Who is the customs administration's deputy director?"),
        ("Name Hong Kong's No 2 official", "Who is Hong Kong's No 2 official?"),
        ("Name the mayor who spoke.", "Which mayor who spoke?"),
        ("Name the Chinese President.", "Who is the Chinese President?"),
        ("List all the cities of the Greater Bay Area", "Which cities of the Greater Bay Area?"),
        ("Name a luxury division of Toyota.", "Which luxury division of Toyota?"),
        ("Identify the person who took the photo.", "Which person who took the photo?"),
        ("Tell me about the Hetao zone.", "What is the Hetao zone?"),
        ("Describe Eric Chan", "What is Eric Chan?"),
        ("Name of the ship that sank?", "Name of the ship that sank?"),  # a noun, no request
        ("List of cities", "List of cities"),
        ("Describe how the zone works.", "Describe how the zone works."),
        ("Tell me the size of the Hong Kong side.", "What is the size of the Hong Kong side?"),
        ("Give me the name of Shenzhen's mayor", "What is the name of Shenzhen's mayor?"),
        ("Give the Hetao zone's official name.", "What is the Hetao zone's official name?"),
        # a name asked "in full" is the full name
        ("How is Eric Chan's name given in full?", "What is Eric Chan's full name?"),
        ("What is the Hetao zone's complete official title?", "What is the Hetao zone's full name?"),
        ("What is the zone's full title?", "What is the zone's full name?"),
        ("What is Lau's official title?", "What is Lau's official title?"),  # a post, as often
        (
            "What area does the Shenzhen part of the park cover?",
            "How much area does the Shenzhen part of the park cover?",
        ),
        ("What area does the river cross?", "What area does the river cross?"),  # a place
        ("Give Eric Chan's name in full.", "What is Eric Chan's full name?"),
        ("What was Witman Hung's name in full", "What was Witman Hung's full name?"),
        ("What is the zone's name in English?", "What is the zone's name in English?"),
        # what is meant by a name, or what it refers to, is what it is
        ("What is meant by the Greater Bay Area?", "What is the Greater Bay Area?"),
        ("What does the Greater Bay Area refer to?", "What is the Greater Bay Area?"),
        ("What did Hetao refer to?", "What was Hetao?"),
        ("What does the mayor refer to?", "What does the mayor refer to?"),  # no name: as typed
        ("What is meant by a new level?", "What is meant by a new level?"),
        # what a named person does, in the present, is the post held; a deed done, or a thing's doing, is as typed
        ("What does Sun Yuning do?", "What is Sun Yuning's job?"),
        ("What does Witman Hung do for a living?", "What is Witman Hung's job?"),
        ("What did Sun Yuning do?", "What did Sun Yuning do?"),
        ("What does the mayor do?", "What does the mayor do?"),
        ("What does Sun Yuning do at the Customs?", "What does Sun Yuning do at the Customs?"),
        ("What does Witman Hung work as?", "What is Witman Hung's job?"),
        ("What did Witman Hung work as?", "What was Witman Hung's job?"),
        ("What did Witman Hung previously work as?", "What was Witman Hung's former job?"),
        ("What did the engineers work as?", "What did the engineers work as?"),
        # the post a named person holds (or once held) is the job
        ("Which post does Sun Yuning hold?", "What is Sun Yuning's job?"),
        ("What position did Witman Hung once hold?", "What was Witman Hung's former job?"),
        ("What title did Sun Yuning have?", "What was Sun Yuning's job?"),
        ("What title does the mayor hold?", "What title does the mayor hold?"),  # no name: as typed
        (
            "What post did Hung hold at the Shenzhen Qianhai Authority?",
            "What post did Hung hold at the Shenzhen Qianhai Authority?",
        ),
        # what a journey was made for is why it was made; what a thing is asked, stood or used for is as typed
        ("What did Eric Chan fly to Beijing for?", "Why did Eric Chan fly to Beijing?"),
        ("What will Qin travel to Hong Kong for?", "Why will Qin travel to Hong Kong?"),
        ("what did they go back to the city for", "Why did they go back to the city?"),
        ("What does Brics stand for?", "What does Brics stand for?"),
        ("What did Hung ask Beijing for?", "What did Hung ask Beijing for?"),
        ("What is the data channel used for?", "What is the data channel used for?"),
        # a request asked politely is a request, not a yes/no question
        ("Can you name the Brics countries?", "Which Brics countries?"),
        ("Could you please list the cities of the Greater Bay Area?", "Which cities of the Greater Bay Area?"),
        ("Can you tell me about the Hetao zone?", "What is the Hetao zone?"),
        ("Would you tell me the size of the Hong Kong side?", "What is the size of the Hong Kong side?"),
        ("Could you explain what the Greater Bay Area is?", "What is the Greater Bay Area?"),
        ("Can you swim?", "Can you swim?"),
        # the question word put last
        ("Eric Chan is who?", "Who is Eric Chan?"),
        ("The mayor of Shenzhen was who", "Who was the mayor of Shenzhen?"),
        ("He said who?", "He said who?"),
        # a framing, a contraction or an embedding around a question: the plain question
        ("According to the article, who is Eric Chan?", "Who is Eric Chan?"),
        ("In the text, what is Qin Weizhong's job?", "What is Qin Weizhong's job?"),
        ("Who is Eric Chan, according to the text?", "Who is Eric Chan?"),
        ("Which body, according to the article, announced measures?", "Which body announced measures?"),
        ("Who, in this report, flew to Beijing?", "Who flew to Beijing?"),
        ("Who is the mayor mentioned in the article?", "Who is the mayor mentioned?"),
        ("Hi, who is Eric Chan?", "Who is Eric Chan?"),
        # a query that is nothing but a framing, a greeting or a request word is left as typed
        ("According to the article,", "According to the article,"),
        ("Hi!", "Hi!"),
        ("Name the", "Name the"),
        ("List all", "List all"),
        ("In the article the mayor says what?", "In the article the mayor says what?"),
        ("What's the size of the Hong Kong side?", "What is the size of the Hong Kong side?"),
        ("Whats the name of the river?", "What is the name of the river?"),
        ("Who’s Lau Siu-kai?", "Who is Lau Siu-kai?"),
        ("Who's death caused the protest?", "Who's death caused the protest?"),  # "whose", misspelt
        # the apostrophe left out after any wh-word ("whos" before a name or an article only)
        ("Wheres the Science Park opening its branch?", "Where is the Science Park opening its branch?"),
        ("Hows the park split?", "How is the park split?"),
        ("whos Eric Chan", "who is Eric Chan?"),
        ("Whos the mayor of Shenzhen?", "Who is the mayor of Shenzhen?"),
        ("Whose idea was the park?", "Whose idea was the park?"),
        ("Can you tell me who Eric Chan is?", "Who is Eric Chan?"),
        ("Do you know when the Science Park branch will open?", "When will the Science Park branch open?"),
        ("I want to know how big the Shenzhen side is.", "How big is the Shenzhen side?"),
        ("I'd like to know who took the photo.", "Who took the photo?"),
        ("Please tell me how many projects Shenzhen will launch.", "How many projects will Shenzhen launch?"),
        # the asked thing's words after "which", "how many", "how much", then the subject and its verb
        (
            "Do you know which association the institute is devoted to?",
            "Which association is the institute devoted to?",
        ),
        ("Tell me how much the park will cost", "How much will the park cost?"),
        ("Tell me how many hectares the Shenzhen one is occupying", "How many hectares is the Shenzhen one occupying?"),
        ("Tell me how much Hong Kong funding will flow", "How much Hong Kong funding will flow?"),  # one phrase
        ("Tell me which Hong Kong official will attend", "Which Hong Kong official will attend?"),
        ("Tell me which of the cities will join", "Which of the cities will join?"),
        ("Do you know how many universities have set up centres?", "How many universities have set up centres?"),
        ("Could you tell me which river separates the two sections?", "Which river separates the two sections?"),
        ("Explain what the Greater Bay Area is.", "What is the Greater Bay Area?"),
        ("Do you know whether it opens on Thursday?", "Do you know whether it opens on Thursday?"),
        # a question typed without its question mark gets one, as the model read questions in training
        ("what river separates the two sections", "what river separates the two sections?"),
        ("How many schools collapsed in Mianyang City ", "How many schools collapsed in Mianyang City?"),
        ('Who wrote "Country Strong?"', 'Who wrote "Country Strong?"'),
        ("Who is Xi Jinping??  ", "Who is Xi Jinping?"),  # one question mark, at the end
        ("On what is Victoria's constitution based ?", "On what is Victoria's constitution based?"),
        ("Who is Qin Weizhong?!", "Who is Qin Weizhong?"),
        # also with its wh-word after a preposition, or among its last words
        ("With whom will the financial hub join hands", "With whom will the financial hub join hands?"),
        ("The press conference took place in which city", "The press conference took place in which city?"),
        ("Lau Siu-kai works where", "Lau Siu-kai works where?"),
        # … or once an aside that says whose words are asked is set apart
        ("it could help bring about what, in Hung's view", "it could help bring about what, in Hung's view?"),
        ("The zone which hosts the exchange and its size", "The zone which hosts the exchange and its size"),
        # two questions in one: the first is answered
        ("Who is Eric Chan and what is his job?", "Who is Eric Chan?"),
        ("What is the Hetao zone, and where is it?", "What is the Hetao zone?"),
        ("Who and what did Qin name?", "Who and what did Qin name?"),  # one question
        # a lead-in word or label, the asker's own sentence before the question, a courtesy at the end: the question
        ("So, who is the mayor of Shenzhen?", "Who is the mayor of Shenzhen?"),
        ("And which river separates the two sections?", "Which river separates the two sections?"),
        ("Quick question: when will the new branch open?", "When will the new branch open?"),
        ("Well, in which year did Xi propose the park?", "In which year did Xi propose the park?"),
        (
            "I was reading about the Hetao zone. How many projects will Shenzhen launch?",
            "How many projects will Shenzhen launch?",
        ),
        ("Thanks. Who is Witman Hung?", "Who is Witman Hung?"),
        ("Thanks. Who is Witman Hung", "Who is Witman Hung?"),  # typed without its question mark
        ("How big is the Shenzhen side, please?", "How big is the Shenzhen side?"),
        ("Who is Eric Chan, thanks?", "Who is Eric Chan?"),
        ("Who is Eric Chan? Thanks!", "Who is Eric Chan?"),
        ("Whom do the cities owe thanks?", "Whom do the cities owe thanks?"),  # thanks asked about
        ("Q: who is Eric Chan?", "Who is Eric Chan?"),
        ("Hey, quick question - who is Eric Chan?", "Who is Eric Chan?"),
        ('"Who is Eric Chan?"', "Who is Eric Chan?"),  # quoted whole
        ("Who is Eric Chan :)", "Who is Eric Chan?"),
        ("Who is Eric Chan? 🙂", "Who is Eric Chan?"),
        ('Who wrote "Country Strong?"', 'Who wrote "Country Strong?"'),  # a quotation inside stays
        # … but a sentence that says what the question is about stays, as does a question that refers back to it
        ("There are two teams in NYC. How many play hockey?", "There are two teams in NYC. How many play hockey?"),
        ("I saw two teams. What are they?", "I saw two teams. What are they?"),
        ("The film's screenwriter was Michael G. whom?", "The film's screenwriter was Michael G. whom?"),
        # a topic, then a question that refers to it by a pronoun: the topic in the pronoun's place
        ("Lau Siu-kai - who is he?", "Who is Lau Siu-kai?"),
        ("Lau Siu-kai - who is he", "Who is Lau Siu-kai?"),
        ("Sun Yuning: what is his job?", "What is Sun Yuning's job?"),
        ("The Hetao zone, how big is it?", "How big is the Hetao zone?"),
        (
            "Within the EU, which court says it has the last word?",
            "Within the EU, which court says it has the last word?",
        ),
        ("Besides the terrain, why was it hard to reach?", "Besides the terrain, why was it hard to reach?"),
        ("How man boroughs does New York City contain?", "How many boroughs does New York City contain?"),
        ("how mcuh does it cost?", "how much does it cost?"),
        ("Find the mayor of Shenzhen", "Which mayor of Shenzhen?"),
        ("Look up the deputy director of customs", "Which deputy director of customs?"),
        ("Show me the size of the Shenzhen side", "What is the size of the Shenzhen side?"),
        ("Eric Chan's boss", "Who is Eric Chan's boss?"),
        # "What about X?", "Any info on X?", "Explain X": what X is; "X is?": who or what X is
        ("What about Lau Siu-kai?", "What is Lau Siu-kai?"),
        ("How about the budget?", "What is the budget?"),
        ("What about the mayor of Macau?", "Who is the mayor of Macau?"),
        ("What about Chopin's music made it popular?", "What about Chopin's music made it popular?"),
        ("Any info on Witman Hung?", "What is Witman Hung?"),
        ("Info about the Greater Bay Area", "What is the Greater Bay Area?"),
        ("Any info on the Shenzhen River's depth?", "How deep is the Shenzhen River?"),
        ("Tell me about Eric Chan's age", "How old is Eric Chan?"),
        ("Explain the Greater Bay Area", "What is the Greater Bay Area?"),
        ("The mayor of Shenzhen is?", "Who is the mayor of Shenzhen?"),
        ("the mayor of shenzhen is", "Who is the mayor of shenzhen?"),  # typed without its question mark
        ("The river separating the two sections is?", "What is the river separating the two sections?"),
        ("Who's in charge of Shenzhen?", "Who is in charge of Shenzhen?"),
        # keywords: the attribute they end with (or open with, before "of" or "for") says what is asked
        ("Eric Chan position", "What is Eric Chan's job?"),
        ("Witman Hung former job", "What was Witman Hung's former job?"),
        ("Eric Chan age?", "How old is Eric Chan?"),
        ("age of Eric Chan", "How old is Eric Chan?"),
        ("Brics members", "Who are the members of Brics?"),
        ("Lau Siu-kai employer", "Which organisation does Lau Siu-kai work for?"),
        ("Hong Kong side area in acres", "How big is Hong Kong side in acres?"),
        ("Shenzhen side size", "How big is Shenzhen side?"),
        ("Science Park branch opening day", "When is Science Park branch opening?"),
        ("Chinese Big Data Society founding year", "When was Chinese Big Data Society founded?"),
        ("deadline for collaboration mechanism", "When is the deadline for the collaboration mechanism?"),
        ("quantum-computing centre name", "What is the name of the quantum-computing centre?"),
        ("Quantum-computing centre name", "What is the name of the quantum-computing centre?"),  # a query's capital
        ("Eric Chan's complete name?", "What is Eric Chan's complete name?"),
        ("Eric Chan full name", "What is Eric Chan's full name?"),
        ("Witman Hung's age", "How old is Witman Hung?"),
        ("Shenzhen River's depth", "How deep is Shenzhen River?"),
        ("Hong Kong side acres", "How many acres is Hong Kong side?"),
        ("Shenzhen side square miles", "How many square miles is Shenzhen side?"),
        ("square miles", "square miles"),
        ("Shenzhen River length", "How long is Shenzhen River?"),
        ("number of projects Shenzhen will launch", "How many projects Shenzhen will launch?"),
        ("innovation centres count", "How many innovation centres?"),
        ("Guangzhou mayor", "Who is the Guangzhou mayor?"),
        ("Greater Bay Area cities", "Which cities are in Greater Bay Area?"),
        ("Hetao zone size", "How big is Hetao zone?"),
        # … and nothing else: a name and a word that is no attribute, a headline, a question
        ("Witman Hung society", "Witman Hung society"),
        ("Hetao area", "Hetao area"),
        ("Eric Chan says financial hub will join hands", "Eric Chan says financial hub will join hands"),
        ("Is the branch open", "Is the branch open?"),
        ("Beyonce's grandma's name was?", "Beyonce's grandma's name was?"),
    ],
)
def test_a_query_that_is_no_question_asks_what_it_means(query, asked):
    from collections import Counter

    from qa.read.asked import as_question

    names = {
        "eric": "Eric",
        "lau": "Lau",
        "chinese": "Chinese",
        "telnet": "Telnet",
        "where": "Where",
        "sun": "Sun",
        "witman": "Witman",
        **{word: word.capitalize() for word in ("hetao", "brics", "hong", "kong", "shenzhen", "science", "park")},
    }

    def forms(word):  # how the documents write a word: names capitalised, other words not
        return Counter({names.get(word, word): 2})

    assert as_question(query, forms) == asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who is the mayor of Shenzen?", "Who is the mayor of Shenzhen?"),
        ("WHO IS THE MAYOR OF SHENZEN?", "WHO IS THE MAYOR OF SHENZHEN?"),  # the question's capitals kept
        ("who is the mayor of shenzen", "who is the mayor of shenzhen"),  # truecase writes it as a name next
        ("How many hectars does it cover?", "How many hectares does it cover?"),  # no name, a word they hold
        ("What fraction of Shenzhen is green?", "What fraction of Shenzhen is green?"),  # a common word
        ("Who is Eric Chna?", "Who is Eric Chna?"),  # too short to tell from another name
        ("What is the Hetao zone?", "What is the Hetao zone?"),  # every word held
        # a capitalised word the documents write capitalised at times, if not mostly: read as they spell it
        ("Who runs the Chinese Associtaion?", "Who runs the Chinese Association?"),
        ("Who runs the associtaion?", "Who runs the association?"),  # in lowercase, a word the documents hold
    ],
)
def test_a_name_the_documents_spell_one_letter_away_is_read_as_they_spell_it(question, asked):
    from collections import Counter

    from qa.read.asked import respell

    spelled = {
        "shenzen": "shenzhen",
        "hectars": "hectares",
        "chna": "chan",
        "fraction": "faction",
        "associtaion": "association",
    }
    written = {
        "shenzhen": Counter({"Shenzhen": 3}),
        "hectares": Counter({"hectares": 2}),
        "chan": Counter({"Chan": 2}),
        "association": Counter({"association": 1, "Association": 1}),
    }
    assert (
        respell(
            question,
            lambda word: spelled.get(word.lower()),
            lambda word: written.get(word, Counter()),
            lambda word: word in {"fraction", "night"},
        )
        == asked
    )


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("nwespaper", "newspaper"),  # two letters swapped
        ("knowedge", "knowledge"),  # one dropped
        ("seperates", "separates"),  # a vowel for a vowel, into a word the documents hold
        ("pertain", None),  # "certain": another consonant, not a key beside it
        ("broder", "border"),  # "broader" too is one letter away, but only "border" is in the documents
        ("defying", None),  # "denying"
        ("governs", None),  # a form of a word the vocabulary holds ("govern"): no misspelling
        ("culminate", None),  # the vocabulary holds "culminated"
        ("emphasise", None),  # nor a letter dropped at the end: "emphasis"
        ("zzzzzz", None),  # no word one letter away
        ("fuonded", "founded"),  # "funded" too is one letter away, but only "founded" holds every letter typed
        ("mayjor", None),  # "mayor", "major": neither holds every letter typed
    ],
)
def test_a_common_word_misspelt_by_one_letter_is_read_as_the_vocabulary_spells_it(typed, fixed):
    from qa.read.asked import _vocabulary_spelling

    vocabulary = {
        "newspaper",
        "knowledge",
        "separates",
        "certain",
        "denying",
        "govern",
        "culminated",
        "broader",
        "emphasis",
        "founded",
        "funded",
        "mayor",
        "major",
    }
    held = {"separates", "certain", "denying", "border"}
    assert _vocabulary_spelling(typed, (vocabulary | held).__contains__, held.__contains__) == fixed


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who is Qin?", "Who is Qin Weizhong?"),  # the posts before a name are no part of it
        ("Who is Haddad?", "Who is Omar Haddad?"),  # nor a form of address, abbreviated or not
        ("Who was Professor Lau?", "Who was Professor Lau Siu-kai?"),
        ("Who is Hung?", "Who is Witman Hung Wai-man?"),  # a shorter name inside the longer one
        ("Who is Chan?", "Who is Chan?"),  # two people: "Eric Chan", "Martin Chan"
        ("Who is Zhou?", "Who is Zhou?"),  # named nowhere
        ("Who is Mayor?", "Who is Mayor?"),  # a post, no name
        ("Who is Qin Weizhong?", "Who is Qin Weizhong?"),  # the whole name already
        ("What did Qin say?", "What did Qin say?"),
    ],
)
def test_a_person_asked_about_by_one_word_of_the_name_is_asked_about_by_the_whole_name(question, asked):
    from collections import Counter

    from qa.read.asked import with_full_name

    runs = {
        "qin": Counter({"Shenzhen Mayor Qin Weizhong": 1, "Qin": 2}),
        "lau": Counter({"Professor Lau Siu-kai": 1}),
        "haddad": Counter({"Prof. Omar Haddad": 1}),
        "hung": Counter({"Witman Hung": 1, "Chinese Big Data Society executive chairman Witman Hung Wai-man": 1}),
        "chan": Counter({"Eric Chan": 2, "Photo: Martin Chan": 1}),
        "mayor": Counter({"Shenzhen Mayor Qin Weizhong": 1}),
    }
    assert with_full_name(question, lambda word: runs.get(word, Counter())) == asked


def test_respell_reads_a_misspelt_common_word_but_no_capitalised_word_of_a_question_with_capitals():
    from collections import Counter

    from qa.read.asked import respell

    def respell_with(question, vocabulary):
        return respell(question, lambda word: None, lambda word: Counter(), vocabulary.__contains__)

    assert respell_with("What did Qin and Sun pormise?", {"promise"}) == "What did Qin and Sun promise?"
    assert respell_with("Who is Tanzlre?", {"tanzler"}) == "Who is Tanzlre?"  # a name the documents do not hold
    assert respell_with("WHO IS TANZLRE?", {"tanzler"}) == "WHO IS TANZLER?"  # all capitals: no name to tell
    # the first word is capitalised whatever it is
    assert respell_with("Accroding to Hung, who?", {"according"}) == "According to Hung, who?"
    assert respell_with("“Accroding to Hung, who?”", {"according"}) == "“According to Hung, who?”"
    assert respell_with("Who is it, Accroding to Hung?", {"according"}) == "Who is it, Accroding to Hung?"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # initials the documents never write, read as the run of capitals they spell most often
        ("Which cities does the GBA link?", "Which cities does the Greater Bay Area link?"),
        ("What is the HKSP opening?", "What is the Hong Kong Science Park opening?"),
        ("What is the HKSP's branch?", "What is the Hong Kong Science Park's branch?"),  # the possessive kept
        ("Who runs the Hong Kong Science Park (HKSP)?", "Who runs the Hong Kong Science Park (HKSP)?"),  # said already
        ("which cities does the gba link", "which cities does the greater bay area link"),  # for truecase to write
        ("When will the SZB open?", "When will the SZB open?"),  # no run of those capitals
        ("What do the NBA say?", "What do the NBA say?"),  # written as typed
        ("Who is the UNE envoy?", "Who is the UNE envoy?"),  # two runs as often: which one is meant?
        ("Which NYC borough is biggest?", "Which NYC borough is biggest?"),  # the documents' topic: most passages'
        ("Who is the mpa for it?", "Who is the mark potter avenue for it?"),  # in lower case, for truecase
        ("Who is the cat of it?", "Who is the cat of it?"),  # in lower case, a word of the vocabulary
        ("How big is the HK side?", "How big is the HK side?"),  # two letters: too many names' initials
        ("What does the US want?", "What does the US want?"),
        ("When did World War III end?", "When did World War III end?"),  # a Roman numeral
        ("Who told us?", "Who told us?"),  # a stopword in lower case is one
        ("WHO IS THE GBA'S HEAD?", "WHO IS THE GBA'S HEAD?"),  # all capitals: every word looks short
        # common shortened words, as the word the documents hold
        ("Who is the dep. director of customs?", "Who is the deputy director of customs?"),
        ("Which govt body spoke?", "Which government body spoke?"),
        ("Which Univ is it?", "Which University is it?"),  # the case it was typed in
        ("Who is the dept head?", "Who is the dept head?"),  # "department" the documents do not hold
    ],
)
def test_short_forms_the_documents_never_write_are_spelt_out_as_they_write_them(question, asked):
    from collections import Counter

    from qa.read.asked import spell_out

    runs = {
        "HK": Counter({"Hong Kong": 12}),
        "GBA": Counter({"Greater Bay Area": 2}),
        "HKSP": Counter({"Hong Kong Science Park": 3}),
        "US": Counter({"United States": 1}),
        "UNE": Counter({"United Nations Envoys": 1, "Urban Nights Events": 1}),
        "NYC": Counter({"New York City": 58}),
        "MPA": Counter({"Mark Potter Avenue": 1}),
        "CAT": Counter({"Cool Animal Trust": 5}),
    }
    written = {
        "us": Counter({"us": 2}),
        "nba": Counter({"NBA": 4}),
        "deputy": Counter({"deputy": 1}),
        "government": Counter({"government": 3}),
        "university": Counter({"university": 1, "University": 2}),
    }
    common = {"hk", "told", "it", "is", "cat"}.__contains__
    spelt_out = lambda initials: runs.get(initials, Counter())  # noqa: E731 - the chunks (of 100) that hold each run
    assert spell_out(question, spelt_out, _looked_up(written), common, passages=100) == asked


def test_a_small_collection_spells_out_a_name_two_passages_hold_but_not_its_topic():
    from collections import Counter

    from qa.read.asked import spell_out

    runs = {"GBA": Counter({"Greater Bay Area": 1}), "HKSP": Counter({"Hong Kong Science Park": 2})}
    runs["HK"] = Counter({"Hong Kong": 7})  # every passage of the seed article

    def spelt(question):
        return spell_out(question, lambda i: runs.get(i, Counter()), _looked_up({}), lambda w: False, passages=7)

    assert spelt("Which cities does the GBA link?") == "Which cities does the Greater Bay Area link?"
    assert spelt("What will the HKSP open?") == "What will the Hong Kong Science Park open?"
    assert spelt("Which HK leader spoke?") == "Which HK leader spoke?"


def test_a_short_form_and_the_words_of_a_name_after_it_are_spelt_out_as_the_whole_name():
    from collections import Counter

    from qa.read.asked import spell_out

    runs = {"HK": Counter({"Hong Kong": 7}), "HKSP": Counter({"Hong Kong Science Park": 2})}

    def spelt(question):
        return spell_out(question, lambda i: runs.get(i, Counter()), _looked_up({}), lambda w: False, passages=7)

    assert spelt("When will the HK Science Park open?") == "When will the Hong Kong Science Park open?"
    assert spelt("When will the HK Science Museum open?") == "When will the HK Science Museum open?"  # no such run
    assert spelt("Is the HK Science Park open?") == "Is the Hong Kong Science Park open?"

import pytest

from qa.read.premise import (
    antonym_said,
    deed_denied,
    deed_said,
    deeds_denied,
    denies,
    ends_elsewhere,
    letters_asked,
    name_swapped_elsewhere,
    names_after_words,
    names_asked,
    names_before_nouns,
    negation_unsaid,
    opposite_unsaid,
    other_body_of_post,
    other_day_or_month,
    other_letter,
    other_name,
    other_name_after_words,
    other_name_before_noun,
    other_number,
    other_ordinal,
    other_time,
    other_title,
    other_year,
    subject_asked,
    subject_elsewhere,
    undone_in_sentence,
    years_said,
)
from qa.read.question import analyze

VISITED = "Xi Jinping visited Shenzhen on Tuesday."
MET = "Xi did not meet the mayor, and Qin was absent."
SECTIONS = "The two sections are split, the Hong Kong side covering 87 hectares, and the Shenzhen one 302 hectares."


@pytest.mark.parametrize(
    ("question", "denied"),
    [
        ("Which city did Xi not visit?", True),
        ("Where wasn't the war fought?", True),
        ("who didnt attend the conference", True),  # typed without the apostrophe
        ("Which firm no longer makes the part?", True),
        ("What did he never finish?", True),
        ("What does sleep have no effect on?", True),
        ("What has nothing to do with the response?", True),
        ("Who is Hong Kong's No 2 official?", False),  # "No 2" is a rank
        ("Where are performances offered at no cost?", False),  # "at no cost" says how, not what is denied
        ("When a commission reached no decision, what happened?", False),  # the condition's
        ("What happens if the deadline is not met?", False),  # the denial is the condition's
        ("If the deadline is not met, what happens?", False),  # a condition that opens the question
        ("Who was the teacher that was not an amateur?", False),
        ("Poles not only sought solace but fought for what?", False),
        ("What should the number not be solely evaluated by?", False),  # "not solely", "not be solely": adds
        ("What is the President's name?", False),  # "-nt" of a word is no "-n't"
        ("Which city did Xi visit?", False),
    ],
)
def test_a_question_that_denies(question, denied):
    assert denies(analyze(question)) is denied


@pytest.mark.parametrize(
    ("question", "sentence", "unsaid"),
    [
        ("Which city did Xi not visit?", VISITED, True),
        ("Who did Xi not meet?", MET, False),  # the sentence says "not"
        ("What is not present in breast milk?", "Breast milk contains antibodies and sugars.", True),
        ("What isn't active?", "Part of the immune system is inactive.", False),  # "inactive" negates "active"
        ("Which regions were not conquered?", "It conquered all of Europe except Iberia.", False),
        ("Which cities were not destroyed?", "It destroyed all cities with the exceptions of Novgorod.", False),
        ("What do non-violent protesters preserve?", "Refraining from violence preserves tolerance.", False),
        ("Which model was no longer sold?", "The now-discontinued Hi-Fi was Apple's.", False),
        ("Why didn't he reach Beijing?", "He died before the journey.", False),  # a reason needs no denial
        ("Which city did Xi visit?", VISITED, False),  # the question denies nothing
        ("Where did his books not place Islam?", "His books placed Islam not only in a modern context.", True),
        ("Where did his books not place Islam?", "His books did not place Islam in a modern context.", False),
    ],
)
def test_a_denial_unsaid(question, sentence, unsaid):
    assert negation_unsaid(analyze(question), sentence) is unsaid


@pytest.mark.parametrize(
    ("question", "sentence", "answer", "unsaid"),
    [
        # the only negative word is the answer's own: the sentence does not deny the asked deed
        (
            "What did the Court not acknowledge?",
            "The Court acknowledged that it cannot contradict it.",
            "that it cannot",
            True,
        ),
        ("What is not an aim of the law?", "Its aim is to prevent cut-throat competition.", "to prevent", True),
        ("Which country did not join?", "Norway did not end up joining.", "Norway", False),  # the denial is outside
        ("Which country did not join?", "Norway refused to join, and Spain joined.", "Norway", False),
        ("What did the Court not acknowledge?", "The Court acknowledged that it cannot contradict it.", "it", False),
    ],
)
def test_a_denial_the_answer_alone_says(question, sentence, answer, unsaid):
    start = sentence.index(answer)
    assert negation_unsaid(analyze(question), sentence, (start, start + len(answer))) is unsaid


@pytest.mark.parametrize(
    ("question", "sentence", "unsaid"),
    [
        ("The unofficial car of the film was what?", "They unveiled the DB10 as the official car of the film.", True),
        ("When was the non-Muslim Brotherhood founded?", "The Muslim Brotherhood was founded in 1928.", True),
        ("The unofficial car of the film was what?", "The DB10 became the film's unofficial car.", False),
        ("Which car was unofficial?", "The DB10 was not the official car.", False),  # the sentence denies it too
        # an adjective in "-nt" said as its noun, an adjective as its adverb
        ("Who called the zone unimportant?", "Lau said it takes on particular strategic importance.", True),
        ("Which car was unofficial?", "The DB10 was officially the film's car.", True),
        ("Who called the zone unimportant?", "Lau said it is of no importance.", False),
        ("Which car was unique?", "The DB10 was the only one.", False),  # "ique" is no word
        ("What is the union's name?", "The Union of Workers met.", False),  # "union" is no "un-" of "ion"
        ("Who acted until Loudoun disapproved plans?", "Abercrombie acted until Loudoun approved them.", True),
        ("Who wanted an inexperienced actor?", "Mendes wanted an experienced actor.", True),
        ("Who is assuming an indirect role?", "The government is assuming a direct role.", True),
        ("Which answer was incorrect?", "The second answer was correct.", True),
        ("Which insect did they study?", "They studied the sect.", False),  # "insect" is no "in-" of "sect"
        # the sentence undoes the word too, in another form
        ("Who received the pass ruled incomplete?", "He appeared to complete a pass, ruled an incompletion.", False),
        ("What income did the firm report?", "Profits come slowly.", False),  # "income" is no "in-" of "come"
        ("What information did the firm give?", "The formation of the firm was slow.", False),
    ],
)
def test_a_word_the_question_undoes(question, sentence, unsaid):
    assert opposite_unsaid(analyze(question), sentence) is unsaid


@pytest.mark.parametrize(
    ("question", "sentence", "undone"),
    [
        ("Which theory said people in the tropics were civilized?", "It said tropics made uncivilized people.", True),
        ("What did the authorities regard as necessary?", "They regarded the treatment as unnecessary.", True),
        ("What occurs when the immune system is active?", "Immunodeficiency occurs when it is inactive.", True),
        # the question's own word said too, or said with a hyphen
        ("Who was civilized?", "The civilized Romans called the Gauls uncivilized.", False),
        ("Who are the un-elected officials?", "Commissioners are the unelected officials.", False),
        # a question that says anything negative may be said with the prefix ("isn't active": "inactive")
        ("What occurs when the system isn't active?", "Immunodeficiency occurs when it is inactive.", False),
        ("Which vote was not legal?", "The second vote was illegal.", False),
        # a word said plainly only inside its undoing is not said; in another form it is
        ("What do self molecules bind to?", "Non-self molecules bind to receptors.", True),
        ("What share identifies as Hispanic?", "Hispanics were 28.6%, and the non-Hispanic share fell.", False),
    ],
)
def test_a_word_the_sentence_undoes(question, sentence, undone):
    assert undone_in_sentence(analyze(question), sentence) is undone
    assert opposite_unsaid(analyze(question), sentence) is undone


def test_a_word_the_answer_itself_undoes_is_the_answer():
    sentence = "Protesters usually receive mistreatment from the police."
    q = analyze("What treatment do protesters usually receive?")
    start = sentence.index("mistreatment")
    assert not undone_in_sentence(q, sentence, (start, start + len("mistreatment from the police")))
    assert undone_in_sentence(q, sentence, (0, len("Protesters")))


@pytest.mark.parametrize(
    ("question", "sentence", "said"),
    [
        ("What is the least abundant phagocyte?", "Neutrophils are the most abundant phagocyte.", True),
        ("Who was the youngest actress cast?", "Bellucci became the oldest actress to be cast.", True),
        ("What increased demand for large cars?", "The crisis reduced the demand for large cars.", True),
        ("When did Eastern troops invade Iraq?", "Western troops invaded Iraq in 2003.", True),
        ("The production faced support from what groups?", "It faced opposition from interest groups.", True),
        ("Which tour took a long time?", "The European tour took a short time.", True),
        ("When was the last Sino-Japanese War?", "In the First Sino-Japanese War in 1894, Japan took Taiwan.", True),
        ("How many public libraries are there?", "It runs the largest private library system: 79 libraries.", True),
        ("What will the park close on Thursday?", "The park will open its new branch on Thursday.", True),
        ("What is at stake in a technological peace?", "It matters in a technological war against China.", True),
        ("What did Lau say Beijing placed little emphasis on?", "Beijing placed great emphasis on talent.", True),
        (
            "When was a fumble last run back for a score?",
            "It was the first fumble run back for a score in a final game since 1993.",
            False,
        ),
        ("What is Chopin's older sister's name?", "He had an elder sister, Ludwika, and two younger sisters.", False),
        ("What city has the most high-rise buildings?", "It had 550 buildings at least 330 feet high.", False),
        ("What happens when it is expressed at low levels?", "When expressed at high levels, it harms cells.", True),
        ("Which grossed more, Skyfall or Spectre?", "Spectre grossed $20 million less than Skyfall.", False),
        (  # the words beside "decline" are not beside "increase"
            "Jacksonville began to suffer and decline after what major world event?",
            "After World War II, the government of the city of Jacksonville began to increase spending.",
            False,
        ),
        ("What is the most abundant phagocyte?", "Neutrophils are the most abundant phagocyte.", False),
        # plain pairs: how often, gained or lost, for good or for a while, friend or foe, old or new
        ("Where are neutrophils rarely found?", "Neutrophils are normally found in the bloodstream.", True),
        ("How many colonists were lost by Britain?", "Britain gained 80,000 colonists.", True),
        ("Who has permanent legal custody of Bond?", "Oberhauser was a temporary legal guardian of Bond.", True),
        ("What arose in the latest vertebrates?", "It arose with the first vertebrates.", True),
        ("What did the Indian enemies of France do?", "The Indian allies of France attacked the column.", True),
        ("What happened when new oil was withdrawn?", "When old oil was withdrawn, prices rose.", True),
        ("A prequel to Spectre will begin when?", "A sequel to Spectre will begin in spring 2016.", True),
        ("Principal photography began on what date?", "Principal photography concluded on 5 July 2015.", True),
        ("What repels immune cells?", "Peptides attract immune cells.", True),
        ("How does the South see the North?", "The West sees the East as its inferior.", True),
        ("What proteins are used by very few organisms?", "Receptors are used by nearly all organisms.", True),
        ("What antibody is passed from the father to the baby?", "IgG is passed from the mother to the baby.", True),
        ("How did he react when Johnson was a lesser threat?", "When Johnson was the larger threat, he left.", True),
        ("In 1755 what fort did the British surrender?", "In 1755 the British captured Fort Beausejour.", True),
        ("Where is the real Hoffler Klinik?", "A restaurant stood in for the fictional Hoffler Klinik.", True),
        ("Who promised slower immigration?", "Qin promised easier and faster immigration and clearance.", True),
        ("Which is the quickest route?", "The slowest route runs along the river.", True),
        ("In which city was the closing sequence filmed?", "The opening sequence was filmed in Mexico City.", True),
        ("What connects the immune system to the brain?", "Barriers separate the immune system from the brain.", True),
        (
            "What response heals the body's own tissues?",
            "Hypersensitivity is a response that damages the body's own tissues.",
            True,
        ),
        ("Who ordered Loudoun to defend Louisbourg?", "Pitt ordered Loudoun to attack Louisbourg.", True),
        ("What lets toxins exit the cell?", "Pores let toxins enter the cell.", True),
        ("What do NK cells protect?", "NK cells destroy compromised host cells.", True),
        ("What interpretation does Salafism discourage?", "Funding promoted the interpretation of Salafism.", True),
        ("What is underrepresented in epitope regions?", "Amino acids are overrepresented in epitope regions.", True),
        ("What would strengthen the foundations of Islam?", "Secularism would weaken the foundations of Islam.", True),
        ("Who would cancel 40 other projects?", "Shenzhen authorities would also launch 40 other projects.", True),
        ("Who scrapped the satellite programme?", "NASA launched the satellite programme.", True),
        ("Who demolished the old bridge?", "Engineers built the old bridge in 1890.", True),
        ("Who criticised Beijing's support?", "Hung hailed Beijing’s support for the zone.", True),
        ("What did the critics condemn?", "The critics praised the new law.", True),
        ("When was the border park finally completed?", "Beijing first proposed the border park in 2017.", True),
        ("What is helping the movement of resources?", "Differences are hampering the movement of resources.", True),
        ("What similarities help the movement?", "Legal differences hamper the movement across the border.", True),
        ("What food upsets the balance of flora?", "Yogurt helps restore a healthy balance of flora.", True),
        ("How did the campaign to support the king end?", "The campaign to overthrow the king failed.", True),
        ("When was the park first proposed?", "The park was first proposed in 2017 and finally opened in 2023.", False),
        ("Who launched 40 projects?", "Shenzhen launched 40 projects and cancelled none.", False),  # both said
        ("What did the new oil cost?", "Unlike old oil, new oil cost $10.", False),  # the question's word said too
    ],
)
def test_an_antonym_said(question, sentence, said):
    assert antonym_said(analyze(question), sentence) is said


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("What did Xi stress at the 30th anniversary?", "At the 40th anniversary, Xi stressed the zone.", True),
        ("Who is Hong Kong's No 1 official?", "Hong Kong's No 2 official Eric Chan flew in.", True),
        ("What was released on 16 October 2015?", "Spectre was released on 26 October 2015.", True),
        ("Who tells Bond he has five minutes?", "Blofeld tells Bond he has three minutes to escape.", True),
        ("Who did they tie with for six top songs?", "It was their sixth number-one song, tying them.", False),
        ("Who kept the 200 letters?", "She also took two hundred letters from Sand.", False),
        ("Who bought the 100 shares?", "Lee bought the one-hundred shares, and Kim 50 shares.", False),
        ("Who sent the three thousand troops?", "Lee sent 3,000 troops north.", False),  # one number, not 3 and 1,000
        ("Who sent the 3,000 troops?", "Lee sent two thousand troops north.", True),
        ("Who sent a hundred troops?", "Lee sent 100 troops north.", False),
        ("How many thousand troops did Lee send?", "Lee sent 3,000 troops north.", False),  # a magnitude alone
        ("Who counted 1.5 million people?", "Lee counted 2 million people.", True),
        ("Who counted one hundred people?", "Lee counted 100 people.", False),
        ("Who had a million fans?", "Lee had two million fans.", True),
        ("What rated the film 7.2/10?", "IGN rated it 7.2/10, as did 12 others.", False),  # a rating, no count
        ("What did Xi stress at the 30th anniversary?", "Xi stressed the zone in 2020.", False),  # nothing beside
        ("How many people attended in the 2013-4 season?", "In the season, 12.21 million people attended.", False),
        ("Who was one of the five founders?", "Lee was one of five founders.", False),
        ("Who was the game 50 MVP?", "Miller was named MVP, recording five tackles.", False),  # not on the same side
        ("What happened in the 20th century?", "In the 1900s the city grew.", False),  # a time, the year check's
        # a day of a month is a date's, no count; it counts where the question asks a day
        ("What took eight months?", "It began on 8 December, with filming taking seven months.", True),
        ("What took eight months?", "It began on December 8th, with filming taking eight months.", False),
        ("What opened on 8 December?", "The park opened on 9 December.", True),
        ("What opened on 8 of what month?", "The park opened on 8 December.", False),
        ("Who marched 30 miles?", "The troops march 40 miles a day.", True),  # "march" is no month
    ],
)
def test_another_number(question, sentence, other):
    assert other_number(analyze(question), sentence) is other


def test_years_said_hold_ranges_and_decades():
    assert years_said("from 1946 to 1952") == frozenset(range(1946, 1953))
    assert years_said("during 1916–20") == frozenset(range(1916, 1921))
    assert years_said("in the 1970s") == frozenset(range(1970, 1980))
    assert years_said("in 2017 and 2020") == frozenset({2017, 2020})
    assert years_said("3,000 people") == frozenset()
    assert years_said("in the 20th century") == frozenset(range(1900, 2000))  # a century holds its years
    assert years_said("a nineteenth-century house") == frozenset(range(1800, 1900))
    assert years_said("the twenty-first century") == frozenset(range(2000, 2100))
    assert years_said("the 5th century BC") == frozenset(range(-500, -400))
    assert years_said("the first centuries") == frozenset(range(0, 100))
    assert years_said("a century ago") == frozenset()
    assert years_said("the 19th and 20th centuries") == frozenset(range(1800, 2000))  # both of a list
    assert years_said("the 16th to 18th centuries") == frozenset(range(1500, 1800))  # every one of a range
    assert years_said("the 5th-7th centuries") == frozenset(range(400, 700))


@pytest.mark.parametrize(
    ("question", "sentence", "before", "other"),
    [
        ("Who won the boroughs in 2012?", "Calvin Coolidge won the five boroughs in 1924.", "", True),
        ("Who won the boroughs in 1924?", "Calvin Coolidge won the five boroughs in 1924.", "", False),
        ("Who led the school in 1947?", "Cavanaugh served as president from 1946 to 1952.", "", False),
        ("What style emerged in the 1970s?", "Hip hop emerged in 1973.", "", False),  # a decade holds its years
        ("What rose in 1979?", "It then rose to $40 a barrel.", "", False),  # the sentence names no time
        ("What rose in 1979?", "It rose to $40 a barrel in 1980.", "In 1979 the revolution began.", False),
        ("What rose in 1979?", "It rose to $40 a barrel in 1980.", "The revolution began.", True),
        ("Which firm sued Apple in 2005 and 2006?", "Creative sued Apple in 2006.", "", False),  # one of them
        ("Who won the boroughs?", "Calvin Coolidge won the five boroughs in 1924.", "", False),  # no year asked
        # centuries: "the 21st century" is not the 20th, and holds 2012
        ("What shifted in the 21st century?", "Pan-Islamism shifted in the 20th century.", "", True),
        ("What shifted in the 20th century?", "Pan-Islamism shifted in the 20th century.", "", False),
        ("What shifted in the twentieth century?", "Pan-Islamism shifted in 1955.", "", False),
        ("What shifted in the 21st century?", "Pan-Islamism shifted in 2012.", "", False),
        ("What shifted in 1955?", "Pan-Islamism shifted in the 19th century.", "", True),
        ("What shifted in 1955?", "Pan-Islamism shifted in the 20th century.", "", False),
        ("What was built in the 5th century?", "The wall was built in the 5th century BC.", "", True),
        ("What was made in the 19th century?", "It was made valid in the late 19th and 20th centuries.", "", False),
    ],
)
def test_another_year(question, sentence, before, other):
    assert other_year(analyze(question), sentence, before) is other


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("Where was Marin's first fort built?", "Marin built a second fort at Fort Le Boeuf.", True),
        ("What is the thirty-fourth Bond film?", "Spectre is the twenty-fourth Bond film.", True),  # compounds
        ("What is the twenty-fourth Bond film?", "Spectre is the twenty-fourth Bond film.", False),
        ("What is a fourth possible source of antigens?", "A third possible source is oncogenes.", True),
        ("Where was Marin's first fort built?", "His first fort, before a second fort, stood here.", False),
        ("Where was Marin's first fort built?", "Marin built a second road at Fort Le Boeuf.", False),
    ],
)
def test_another_ordinal_before_the_same_word(question, sentence, other):
    assert other_ordinal(analyze(question), sentence) is other


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("What did the council announce last year?", "The council announced a raft of measures last week.", True),
        ("What will open in the next two years?", "A branch will open in the next few months.", True),
        ("What did the council announce last week?", "The council announced a raft of measures last week.", False),
        ("What did the council announce last year?", "The council announced a raft of measures in 2022.", False),
        ("What did the council announce last year?", "Last year, and again last week, it announced cuts.", False),
        ("What opened this year?", "A branch opened this week.", False),  # "this" is left out
    ],
)
def test_another_time_counted_from_now(question, sentence, other):
    assert other_time(analyze(question), sentence) is other


@pytest.mark.parametrize(
    ("question", "sentence", "before", "other"),
    [
        ("When was the premiere on 26 December?", "The premiere was in London on 26 October 2015.", "", True),
        ("What grossed most in its Tuesday screenings?", "Spectre grossed $6.4 million on Monday.", "", True),
        ("When was the premiere on 26 October?", "The premiere was in London on 26 October 2015.", "", False),
        ("What opened in December?", "It opened on the 9th.", "In December the city grew.", False),  # said before
        ("What opened on Tuesday?", "It opened in October.", "", False),  # a month is no weekday
        ("What may open in the spring?", "It opened in March.", "", False),  # "may" is a verb
        ("What opened in March?", "The city may open it.", "", False),
    ],
)
def test_another_month_or_weekday(question, sentence, before, other):
    assert other_day_or_month(analyze(question), sentence, before) is other


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Who can the European Commission take proceedings against?", [("european", "commission")]),
        ("Who applies the Court of Justice's rulings?", [("court", "of", "justice")]),  # a possessive ends it
        ("What are Harvard's Pell grant reserves?", []),  # "Harvard's" parts "Harvard" from "Pell"
        ("Which groups like Hezbollah and Hamas act?", []),  # "and" parts two one-word names
        ("What font did the iPod Touch use?", [("ipod", "touch")]),  # a word opening in lower case
        ("Most iPods feature how many buttons?", []),  # "Most" opens the question, no name
        ("Who sang Déjà Vu with Mr. Jay Z?", [("deja", "vu"), ("jay", "z")]),  # plain: accents, titles dropped
    ],
)
def test_the_names_a_question_asks_of(question, names):
    assert list(names_asked(analyze(question))) == names


COMMISSION = "The European Commission can take proceedings against member states. Nine Eyes may go online."
PARK = "The Hong Kong Science Park will open a branch. Macau is in the Greater Bay Area."


@pytest.mark.parametrize(
    ("question", "sentence", "document", "other"),
    [
        ("Who can the American Commission take proceedings against?", COMMISSION, COMMISSION, True),
        ("Who can the European Commission take proceedings against?", COMMISSION, COMMISSION, False),
        ("Who prevents Ten Eyes from going online?", "Q prevents Nine Eyes from going online.", COMMISSION, True),
        # the document holds the asked name elsewhere: the sentence may name another beside it
        (
            "Who can the American Commission take proceedings against?",
            COMMISSION,
            "The American Commission. " * 2,
            False,
        ),
        # one name written two ways, or a part of it: no swap
        ("Who led World War 2?", "He led in World War II.", "", False),
        ("What sold in March 2011?", "It sold 5.82 million by March 31.", "", False),
        ("Who sang Deja Vu?", "Beyoncé sang Déjà Vu.", "", False),
        ("What did the U.S. Army build?", "The US Army built Camp Cooke.", "", False),
        ("Who led the Creative Technologies team?", "Creative Technology hired her.", "", False),
        ("Who served in the New York Knicks?", "He served in the New York Knickerbockers.", "", False),
        ("Who led the New York Knicks?", "He led the New York Liberty and the Nets.", "", True),
        # two words swapped is another name altogether, not a swap
        ("Who runs the Canadian Union Council?", "The European Court of Justice runs it.", "", False),
        # the same last words after first words the document holds nowhere
        ("What will the Macau Science Park open?", "The Hong Kong Science Park will open a branch.", "", True),
        ("Who premiered at Westminster Hall?", "Spectre premiered at the Royal Albert Hall.", "", True),
        ("What will the Macau Science Park open?", PARK, PARK, True),  # Macau is named elsewhere, never its park
        ("What will the Hong Kong Science Park open?", PARK, PARK, False),
        # the asked name in the document with its hyphen, or in the sentence written otherwise
        (
            "What does the Busch-Reisinger Museum hold?",
            "The Busch-Reisinger Museum and the Harvard Museum hold art.",
            "",
            False,
        ),
        (
            "When did the Shenzhen Sepcial Economic Zone turn 40?",
            "At the Shenzhen Special Economic Zone’s 40th anniversary, Xi spoke of the Innovation Co-operation Zone.",
            "",
            False,
        ),
        (
            "Where is the New York Fire Department?",
            "The New York City Fire Department is second to the Tokyo Fire Department.",
            "",
            False,
        ),
        (  # the sentence's name holds commas, so the asked one's words stand across its runs of capitals
            "Where is the Shenzhen-Hong Kong Co-operation Zone?",
            "Xi spoke of the Shenzhen-Hong Kong Science, Technology and Innovation Co-operation Zone in Hetao.",
            "",
            False,
        ),
        # a name of parts: its first words may be another part
        (
            "Where is the Appellate Division of the Supreme Court?",
            "The First Department of the Supreme Court sits.",
            "",
            False,
        ),
        ("Who wrote the book Khubilai Khan?", "Rossabi wrote of Kublai Khan.", "", False),  # one name two ways
        ("When did Harper Lee's father work?", "In 1919 Amasa Coleman Lee worked.", "", False),  # kin share a surname
    ],
)
def test_another_name(question, sentence, document, other):
    assert other_name(analyze(question), sentence, document or sentence) is other


def test_a_name_the_answer_itself_swaps_is_the_answer():
    # "Who was Harper Lee's sister?" is "Alice Lee": the sentence's other word is the answer's own
    sentence = "Her sister, Alice Lee, was a lawyer."
    start = sentence.index("Alice")
    q = analyze("Who was Harper Lee's sister?")
    assert not other_name(q, sentence, sentence, (start, start + len("Alice Lee")))
    q = analyze("Who was the sister of Harper Lee?")
    assert not other_name(q, sentence, sentence, (start, start + len("Alice Lee")))
    assert other_name(q, sentence, sentence, (0, 3))
    # a longer answer that holds the other name is no name of the asked one
    sentence = "Pawiak, an infamous German Gestapo prison, stood here."
    q = analyze("What was the name of the infamous German Heroic prison?")
    assert other_name(q, sentence, sentence, (0, sentence.index(" prison")))


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("How many hectares does the Macau side cover?", [(("macau",), "side")]),
        ("What would researchers in the Hong Kong part visit?", [(("hong", "kong"), "part")]),
        ("Who released emails between ABC executives?", [(("abc",), "executive")]),
        ("Hong Kong universities set up how many centres?", []),  # an opening word may or may not be a name's
        ("What position was Camp on Harvard's football team?", []),  # a possessive says whose
        ("Which Chinese dynasty was the first?", []),  # a people's name says of whom
        ("What did Nintendo revealed at E3?", []),  # a verb's form after the name
        ("What does Qin aim to establish?", []),  # after "does" the name is a verb's subject
        ("What does Qin focus on?", []),
        # a plural after the helper is no verb: the name is of the noun
        ("How many projects will Hong Kong authorities launch?", [(("hong", "kong"), "authority")]),
        ("What did Macau universities set up?", [(("macau",), "university")]),
    ],
)
def test_the_names_a_question_says_before_a_noun(question, asked):
    assert list(names_before_nouns(analyze(question))) == asked


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("What would researchers in the Hong Kong part visit?", "Researchers in the Shenzhen part visit sites.", True),
        ("What would researchers in the Shenzhen part visit?", "Researchers in the Shenzhen part visit sites.", False),
        ("Who released emails between ABC executives?", "Hackers released emails between Sony executives.", True),
        (
            "What is planned in the Qianhai zone?",
            "The Hetao Cooperation Zone is home to a centre.",
            True,
        ),  # a run's head
        # one thing named two ways: initials, a shared opening, the same letters
        ("How many titles have NYC teams won?", "New York teams have won 35 titles.", False),
        ("How many schools are in the New York system?", "The CUNY system has 24 schools.", False),
        ("Which TEFU article bans restrictions?", "TFEU article 30 bans restrictions.", False),
        ("Who led the British forces?", "Britain's army was led by Howe.", False),
        # the question's name said elsewhere in the sentence, or a people's name alone
        ("Who led the Macau side?", "Macau, like the Hong Kong side, was led by Ho.", False),
        ("Who led the Irish troops?", "The English troops were led by Howe.", False),
        ("What is the Qin aim?", "“We aim to grow,” Qin said.", False),  # "We" is no name
        # a number word opening the sentence is no name's word; another opening word may be
        ("How many centres have Macau universities set up?", "Five Hong Kong universities set up 10 centres.", True),
        ("How many centres have Macau universities set up?", "Shenzhen universities set up 10 centres.", False),
        # "one" stands for the noun the sentence says: "the Shenzhen one" is a section
        ("How many hectares does the Guangzhou section occupy?", SECTIONS, True),
        ("How many hectares does the Shenzhen section occupy?", SECTIONS, False),
        ("How many hectares does the Guangzhou zone occupy?", SECTIONS, False),  # no zone said: not this check's
    ],
)
def test_another_name_before_the_same_noun(question, sentence, other):
    assert other_name_before_noun(analyze(question), sentence) is other


def test_an_opening_word_is_a_name_where_the_document_capitalises_it_inside_a_sentence():
    sentence = "Shenzhen authorities would also launch 40 other projects."
    document = f"The park is in Shenzhen. {sentence}"
    q = analyze("How many projects will Hong Kong authorities launch?")
    assert other_name_before_noun(q, sentence, None, document)
    assert not other_name_before_noun(q, sentence)  # the sentence alone cannot tell
    q = analyze("How many projects will Shenzhen authorities launch?")
    assert not other_name_before_noun(q, sentence, None, document)
    # a word capitalised only where it opens a sentence may be any word's
    sentence = "Local authorities would also launch 40 other projects."
    q = analyze("How many projects will Hong Kong authorities launch?")
    assert not other_name_before_noun(q, sentence, None, f"Local people agree. {sentence}")


def test_a_name_before_a_noun_that_the_answer_holds_is_the_answer():
    sentence = "By May, five Shenzhen universities set up centres."
    q = analyze("Which Macau universities set up centres?")
    start = sentence.index("five")
    assert other_name_before_noun(q, sentence, (start, start + 4))
    assert not other_name_before_noun(q, sentence, (start, start + len("five Shenzhen universities")))
    # a number asked: another name in the answer is no answer ("Five Hong Kong" for Shenzhen's universities)
    sentence = "Five Hong Kong universities set up 10 centres."
    q = analyze("How many Shenzhen universities set up centres?")
    assert other_name_before_noun(q, sentence, (0, len("Five Hong Kong")))
    # nor when a person is asked: the other place's leader is no answer, nor the place
    sentence = "Hong Kong leader John Lee says the hub will be reality by 2035."
    document = f"The hub is in Hong Kong. {sentence}"
    q = analyze("Which Macau leader says the hub will be reality by 2035?")
    assert other_name_before_noun(q, sentence, (0, len("Hong Kong")), document)
    assert other_name_before_noun(q, sentence, (0, len("Hong Kong leader John Lee")), document)
    # the answer names the other thing, though the sentence names it twice
    sentence = "During the Vietnam War, courts refused to excuse protests against the Vietnam War."
    q = analyze("What US war caused protests?")
    start = sentence.rindex("Vietnam")
    assert not other_name_before_noun(q, sentence, (start, start + len("Vietnam War")))


HT = "HT does not engage in armed jihad, but works to take power."


@pytest.mark.parametrize(
    ("question", "sentence", "denied"),
    [
        ("What type of jihad does HT prefer to engage in?", HT, True),
        ("Who will return to direct the next film?", "Sam Mendes has stated he won't return to direct it.", True),
        ("What do the two places see the branch as?", "“We do not see it as a competition,” said Hung.", True),
        ("What does HT work to take?", HT, False),  # the denial is of another deed
        ("What type of jihad does HT not engage in?", HT, False),  # the question denies it too
        ("Does HT engage in armed jihad?", HT, False),  # yes or no
        ("Why does HT engage in politics?", HT, False),  # a reason
        ("Does HT engage in jihad or take power?", HT, False),  # a choice
        # the question's condition is the sentence's denied: SQuAD 2.0's way of making a question unanswerable
        ("What happens if the deadline is met?", "If the deadline is not met, the state cannot act.", True),
        ("Who must register?", "Firms must register, whether or not they register a branch.", False),
        ("When did the firm open?", "The firm did not open until 1990.", False),  # "not … until" says when
        ("What do members count?", "It counts members (not votes) of the Council.", False),  # in brackets
        ("Where did his books place Islam?", "His books placed Islam not only in a modern context.", False),
    ],
)
def test_a_deed_the_sentence_denies(question, sentence, denied):
    assert deed_denied(analyze(question), sentence) is denied


ARTICLE_102 = "Article 102 prohibits abuse of a dominant position in the market, and such fines cannot be repaid."


@pytest.mark.parametrize(
    ("question", "deeds"),
    [
        ("What does Article 102 not prohibit?", {"prohibit"}),
        ("Who wasn't given land by the government?", {"giv"}),  # "give", "gave", "given" and "gives" alike
        ("What are antibodies never made to fight?", {"mak"}),  # an irregular past undone
        ("What is unable to evade the immune system?", {"evad"}),  # denied without "not"
        ("Where didn't Washington go?", set()),  # a name is no deed
        ("Had Milosevic not died, what might he have been convicted of?", set()),  # a condition
        ("Why was the plan not approved?", set()),  # a reason
        ("Was the plan not approved?", set()),  # yes or no
        ("What does Article 102 prohibit?", set()),  # nothing denied
    ],
)
def test_the_deeds_a_question_denies(question, deeds):
    assert deeds_denied(analyze(question)) == deeds


@pytest.mark.parametrize(
    ("question", "sentence", "said"),
    [
        # negative words of the sentence say something else: "cannot be repaid", not "does not prohibit"
        ("What does Article 102 not prohibit?", ARTICLE_102, True),
        ("What does Article 102 prohibit?", ARTICLE_102, False),  # the question denies nothing
        ("What does Article 102 not prohibit?", "Article 102 does not prohibit mergers.", False),  # denied there too
        ("What was not destroyed?", "None of the Olympic venues were destroyed.", False),  # "none" beside it
        ("Which cities were not destroyed?", "They destroyed the cities with the exceptions of Pskov.", False),
        ("What does not explain the failure?", "Changes in antigens rather than luck explain the failure.", False),
        ("What is not used by insects?", "Insects use phagocytic cells in the gut, and their larvae lack it.", True),
        ("What is unable to evade the immune system?", "Clearly, some tumors evade the immune system.", True),
        ("What was not introduced in 2007?", "The concept was only introduced in 2007.", True),  # "only" says it was
        ("What is unable to evade the immune system?", "Some tumors fail to evade the immune system.", False),
    ],
)
def test_a_deed_the_question_denies_and_the_sentence_says(question, sentence, said):
    assert deed_said(analyze(question), sentence) is said


def test_an_answer_that_says_the_denied_deed_is_none():
    sentence = "Qin promised easier clearance to facilitate the flow of people."
    q = analyze("What did Qin refuse to facilitate?")
    assert deed_said(q, sentence)  # "easier clearance to facilitate the flow" restates the deed as done
    assert not deed_said(q, "Qin refused to facilitate the flow of people.")


def test_a_deed_the_answer_itself_denies_is_the_answer():
    sentence = "The Court held that the fat did not justify a label."
    start = sentence.index("did not")
    q = analyze("What did the Court hold about the fat and the label?")
    assert not deed_denied(q, sentence, (start, len(sentence) - 1))
    q = analyze("What did the fat justify?")
    assert deed_denied(q, sentence, (sentence.index("a label"), len(sentence) - 1))


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What group is devoted to jihad against Egypt?", [("egypt", ("jihad", "against"))]),
        ("What palace in France's north was used?", [("france", ("palace", "in"))]),
        ("What Iraq group fought?", []),  # right after the opening word: not two words before it
        ("Where was the FLIS formed?", []),  # initials may stand for a name the document spells out
        ("Who led the Muslim Brotherhood in Egypt?", [("egypt", ("brotherhood", "in"))]),
        ("Who won the battle in New York?", []),  # a name of two words is the name check's
        ("What did the army do in May?", []),  # a month is the month check's
    ],
)
def test_the_names_of_one_word_a_question_says_after_two_words(question, asked):
    assert list(names_after_words(analyze(question))) == asked


JIHAD = "The Brotherhood announced HAMAS, devoted to Jihad against Israel."


@pytest.mark.parametrize(
    ("question", "sentence", "document", "other"),
    [
        ("What organization is devoted to Jihad against Egypt?", JIHAD, JIHAD, True),
        ("What organization is devoted to Jihad against Israel?", JIHAD, JIHAD, False),
        # the document holds the question's name elsewhere, in some form: it may be said of it another way
        ("What organization is devoted to Jihad against Egypt?", JIHAD, JIHAD + " Egyptians fled.", False),
        (
            "What palace in France was used?",
            "Blenheim Palace in Oxfordshire was used.",
            "Blenheim Palace in Oxfordshire was used.",
            True,
        ),
        # a name written another way is the same name
        (
            "Which trial in Manhatten set a right?",
            "The trial in Manhattan set a right.",
            "The trial in Manhattan set a right.",
            False,
        ),
        # other words before it
        (
            "What palace of France was used?",
            "Blenheim Palace in Oxfordshire was used.",
            "Blenheim Palace in Oxfordshire was used.",
            False,
        ),
        # or each after a word that sets a place
        (
            "Who flew to Shanghai to attend the press conference?",
            "Eric Chan attends a press conference in Beijing.",
            "Eric Chan attends a press conference in Beijing.",
            True,
        ),
        (
            "Who travelled from Shanghai to the press conference?",
            "Eric Chan attends a press conference in Beijing.",
            "Eric Chan attends a press conference in Beijing. He flew from Shanghai.",
            False,
        ),
        # the question's name misspelt: the document holds it, one letter otherwise (session 63)
        (
            "What party is favored in Bedigo and Geelong?",
            "Labor is strongest in Melbourne's suburbs and in Bendigo and Geelong.",
            "Labor is strongest in Melbourne's suburbs and in Bendigo and Geelong.",
            False,
        ),
        (
            "What party is favored in Hobart and Geelong?",
            "Labor is strongest in Melbourne's suburbs and in Bendigo and Geelong.",
            "Labor is strongest in Melbourne's suburbs and in Bendigo and Geelong.",
            True,
        ),
    ],
)
def test_another_name_after_the_same_words(question, sentence, document, other):
    assert other_name_after_words(analyze(question), sentence, document) is other


def test_a_name_after_the_same_words_that_is_the_answer_passes():
    sentence = "Filming moved to Morocco, and an explosion filmed in Morocco set a record."
    q = analyze("Which country was the explosion filmed in Mexico set in?")
    start = sentence.rindex("Morocco")
    assert not other_name_after_words(q, sentence, sentence, (start, start + len("Morocco")))
    assert other_name_after_words(q, sentence, sentence, (0, len("Filming")))


KILLER = "Killer T cells kill cells that are infected with viruses."


@pytest.mark.parametrize(
    ("question", "letters"),
    [
        ("What do killer B cells kill?", {("B", "cell", "killer")}),
        ("What gene is expressed by the B-cell?", {("B", "cell", "the")}),
        ("Who supported post WW-I communist movements?", {("I", "communist", "ww")}),
        ("A cell of what kind kills?", set()),  # an article
        ("What did I say?", set()),
    ],
)
def test_the_letters_a_question_says_before_a_noun(question, letters):
    assert letters_asked(analyze(question)) == letters


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("What do killer B cells kill?", KILLER, True),
        ("What do killer T cells kill?", KILLER, False),
        ("What do B cells help?", "T cells help B cells to grow.", False),  # the sentence says it too
        ("What do B cells make?", "B cells make antibodies.", False),
        ("Who supported post WW-I communist movements?", "Russia supported post WW-II communist movements.", True),
        ("What do B cells kill?", "Cells are killed.", False),  # no letter said
        # another letter after the same word, though the sentence says the question's elsewhere
        ("What attracts a helper B cell?", "It attracts a helper T cell, which activates the B cell.", True),
        ("What attracts a helper B cell?", "It attracts a helper B cell, not a helper T cell.", False),
    ],
)
def test_another_letter_before_the_same_noun(question, sentence, other):
    assert other_letter(analyze(question), sentence) is other


def test_a_letter_the_answer_says_is_the_answer():
    sentence = "Macrophages assist killer T cells."
    q = analyze("What do B cells assist?")
    start = sentence.index("killer")
    assert not other_letter(q, sentence, (start, len(sentence) - 1))
    assert other_letter(q, sentence)


@pytest.mark.parametrize(
    ("question", "sentence", "document", "other"),
    [
        (
            "Minister Robert Dinwiddie had an investment in what company?",
            "Governor Robert Dinwiddie of Virginia was an investor in the Ohio Company.",
            "",
            True,
        ),
        ("When was Queen George's war?", "King George's War began in the 1740s.", "", True),
        ("What did Professor Qin Weizhong say?", "Mayor Qin Weizhong said the zone would grow.", "", True),
        ("What did Mayor Qin Weizhong say?", "Mayor Qin Weizhong said the zone would grow.", "", False),
        # a title any holder may be called besides is no other title
        ("What did Mayor Qin Weizhong say?", "Shenzhen official Qin Weizhong said the zone would grow.", "", False),
        # the document gives the question's title elsewhere: the person holds both
        (
            "What did President Xi Jinping attend?",
            "General Xi Jinping attended the ceremony.",
            "President Xi Jinping spoke.",
            False,
        ),
        ("What did President Xi Jinping attend?", "Xi Jinping attended the ceremony.", "", False),  # no title said
    ],
)
def test_another_title_before_the_same_name(question, sentence, document, other):
    assert other_title(analyze(question), sentence, sentence + " " + document) is other


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("What did the deputy director of the police promise?", True),  # "police" nowhere in the document
        ("What did the deputy director of customs promise?", False),
        ("What did the deputy director of the General Administration promise?", False),
        ("What did the deputy director of the agency promise?", False),  # "agency" elsewhere in the document
        ("What did the director promise?", False),  # no body asked
    ],
)
def test_a_post_of_a_body_the_document_never_names(question, other):
    sentence = (
        "On Tuesday, Sun Yuning, deputy director of the General Administration of Customs, promised easier clearance."
    )
    document = sentence + " The agency will run a data channel."
    assert other_body_of_post(analyze(question), sentence, document) is other


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("How many hectares does Macau cover?", (("macau",), "")),
        ("Where is Midna working as a ranch hand?", (("midna",), "")),
        ("How many projects has Hong Kong launched?", (("hong", "kong"), "")),
        ("What will the Hetao zone house?", (("hetao",), "zone")),  # a thing of a kind, named
        ("How big will the Macau zone be?", (("macau",), "zone")),
        ("When will the Science Park close its branch?", (("science", "park"), "")),  # a verb before its object
        ("How long was Chopin's funeral delayed?", ((), "")),  # a possessive: the funeral is the subject
        ("When did the French learn of the plan?", ((), "")),  # a people's name may be said otherwise
        ("Who covers 302 hectares?", ((), "")),  # no name after a verb's helper
        # a name before the noun it names a thing of: the noun after a gerund or a possessive word
        ("When did the Notre Dame marching band form?", (("notre",), "band")),
        ("How many wins does the Notre Dame men's basketball team have?", (("notre",), "team")),
        # a reported clause: its subject does the asked deed, not the one who says it
        ("Mayor Qin said Guangzhou would launch how many other projects?", (("guangzhou",), "")),
        ("What did Qin say Shenzhen authorities would launch?", (("shenzhen",), "authorities")),
        ("Does Qin think that the Hetao zone will grow?", (("hetao",), "zone")),
    ],
)
def test_the_name_a_question_asks_of_as_its_subject(question, subject):
    assert subject_asked(analyze(question)) == subject


PARK = "Macau is a city. The park was built. The Hong Kong side covers 87 hectares, and the Shenzhen one 302 hectares."


@pytest.mark.parametrize(
    ("question", "sentence", "before", "document", "elsewhere"),
    [
        # named elsewhere in the document, not in the sentence nor the one before, nothing standing for it
        ("How many hectares does Macau cover?", PARK.split(". ")[2], "The park was built.", PARK, True),
        ("How many hectares does Macau cover?", PARK.split(". ")[2], "Macau is a city.", PARK, False),
        ("How many hectares does Macau cover?", "Its park covers 302 hectares.", "The park was built.", PARK, False),
        ("How many hectares does Shenzhen cover?", PARK.split(". ")[2], "The park was built.", PARK, False),
        # named nowhere in the document: it may be what the whole text is about
        ("How many hectares does Zhuhai cover?", PARK.split(". ")[2], "The park was built.", PARK, False),
        # a thing of the kind the question names may be the named one
        ("How big will the Macau zone be?", "The cooperation zone will cover 302 hectares.", "", PARK, False),
        ("How big will the Macau zone be?", "The Shenzhen one will cover 302 hectares.", "", PARK, True),
        ("How big will the Macau zone be?", "The Shenzhen zone will cover 302 hectares.", "", PARK, True),
        # the name's own last word as a common noun: "the corporation" of "Acme Corporation"
        ("When was Acme Corporation founded?", "The corporation was founded in 1990.", "", "Acme Corporation.", False),
        ("When was Acme Corporation founded?", "The bank was founded in 1990.", "", "Acme Corporation.", True),
        # initials are the name in another form
        ("How many parks does NYC have?", "New York has 1,700 parks.", "", "NYC is big. New York has parks.", False),
        # a longer name in the sentence before names another thing: "The Hong Kong Science Park" is not Hong Kong
        (
            "How many projects will Hong Kong launch?",
            "Shenzhen authorities would launch 40 projects.",
            "The Hong Kong Science Park will open a branch.",
            "Hong Kong is a city. The Hong Kong Science Park will open a branch.",
            True,
        ),
        (
            "How many projects will Hong Kong launch?",
            "Shenzhen authorities would launch 40 projects.",
            "Hong Kong will open a branch.",
            "Hong Kong is a city. Hong Kong will open a branch.",
            False,
        ),
        # the thing the name is before is said: "The band" of "the Notre Dame marching band"
        (
            "When did the Notre Dame marching band form?",
            "In 1846, the band began.",
            "The teams compete.",
            "Notre Dame is a university. In 1846, the band began.",
            False,
        ),
        # a name ending in the kind of thing it names is not named by its first word alone (session 63)
        (
            "How wide an area does the Charles River run through?",
            "Charles Street runs for 358 acres.",
            "The street was built.",
            "The Charles River is wide. Charles Street runs for 358 acres.",
            True,
        ),
        (
            "How wide an area does the Charles River run through?",
            "The river runs for 358 acres.",
            "The street was built.",
            "The Charles River is wide. The river runs for 358 acres.",
            False,
        ),
        # the subject of a reported clause, not its sayer ("Qin" is named in the sentence)
        (
            "Mayor Qin said Guangzhou would launch how many other projects?",
            "Shenzhen authorities would launch 40 other projects, Mayor Qin said.",
            "The park was built.",
            "Guangzhou is a city. Shenzhen authorities would launch 40 other projects, Mayor Qin said.",
            True,
        ),
        (
            "Mayor Qin said Shenzhen would launch how many other projects?",
            "Shenzhen authorities would launch 40 other projects, Mayor Qin said.",
            "The park was built.",
            "Guangzhou is a city. Shenzhen authorities would launch 40 other projects, Mayor Qin said.",
            False,
        ),
    ],
)
def test_a_subject_the_document_names_elsewhere(question, sentence, before, document, elsewhere):
    assert subject_elsewhere(analyze(question), sentence, lambda: before, document) is elsewhere


RIVER = "The park is split by the Shenzhen River."
CITIES = "The Greater Bay Area links Hong Kong, Macau, Zhuhai and Shenzhen. " + RIVER


@pytest.mark.parametrize(
    ("question", "sentence", "before", "document", "elsewhere"),
    [
        # the names the question asks between are named elsewhere, one of them neither in the sentence nor the one
        # before (session 63: one is enough, "Which river lies between Hong Kong and Macau?" of the Shenzhen River)
        ("Name the river between Macau and Zhuhai.", RIVER, "", CITIES, True),
        ("Which river runs between Macau and Zhuhai?", RIVER, "Macau is near.", CITIES, True),
        ("Which river runs between Macau and Zhuhai?", RIVER, "Macau and Zhuhai are near.", CITIES, False),
        (
            "Which river runs between Hong Kong and Macau?",
            "Hong Kong is split by the Shenzhen River.",
            "",
            CITIES,
            True,
        ),
        ("Which river divides Macau and Zhuhai?", RIVER, "", CITIES, True),  # or what separates, links them
        ("What links Macau and Zhuhai?", RIVER, "", CITIES, True),
        ("Which river runs between Hong Kong and Shenzhen?", RIVER, "", CITIES, False),  # "Shenzhen River"
        ("Which river runs between Macau and Zhuhai?", "It is split by the Shenzhen River.", "", CITIES, False),
        # a name the document holds nowhere may be what it is about
        ("Which river runs between Macau and Guangzhou?", RIVER, "", CITIES, False),
        ("Which river runs between the two cities?", RIVER, "", CITIES, False),  # no names
    ],
)
def test_names_asked_between_that_the_document_names_elsewhere(question, sentence, before, document, elsewhere):
    answer = sentence.index("Shenzhen River") if "Shenzhen River" in sentence else 0
    at = (answer, answer + len("Shenzhen River"))
    assert ends_elsewhere(analyze(question), sentence, lambda: before, document, at) is elsewhere


ZELDA = (
    "Twilight Princess was released in 2006. It received several Game of the Year awards. Nintendo Power ranked "
    "it third."
)
LEES = "Harper Lee grew up in Alabama. Her sister Alice Lee was a lawyer. Lee's father, Fr Sorin, was a lawyer too."


@pytest.mark.parametrize(
    ("question", "document", "answer", "swapped"),
    [
        # a name held nowhere, the document naming it with one word another
        ("How many awards did Radar Princess receive?", ZELDA, "several", True),
        ("How many awards did Twilight Princess receive?", ZELDA, "several", False),
        ("How many awards did Twiligth Princess receive?", ZELDA, "several", False),  # one letter otherwise
        # a word they share said on its own: a surname ("Lee"); a title or its short form
        ("Where did Mary Lee grow up?", LEES, "Alabama", False),
        ("Who was Father Sorin?", LEES, "a lawyer", False),
        # the question says the other word; the answer says it
        ("Was Radar Princess as good as Twilight Princess?", ZELDA, "third", False),
        ("What was Mary Lee's sister called?", "Mary and her sister Alice Lee met.", "Alice Lee", False),
        # the asked word the document writes as two ("Longmen Shan")
        (
            "Where is the Longmenshan Fault?",
            "The Longmen Shan Fault lies east. The Beichuan Fault lies west.",
            "east",
            False,
        ),
        (
            "Where is the Tanlu Fault?",
            "The Longmen Shan Fault lies east. The Beichuan Fault lies west.",
            "east",
            True,
        ),
        # a piece of the other name is no answer that names it
        ("Who heads the General Office of Taxes?", "Sun, of the General Office of Customs, spoke.", "of Customs", True),
    ],
)
def test_a_name_the_document_holds_with_one_word_another(question, document, answer, swapped):
    at = document.index(answer)
    sentence_start = document.rfind(". ", 0, at) + 2 if ". " in document[:at] else 0
    sentence_end = document.find(".", at) + 1
    sentence = document[sentence_start:sentence_end]
    span = (sentence.index(answer), sentence.index(answer) + len(answer))
    assert name_swapped_elsewhere(analyze(question), sentence, document, span) is swapped

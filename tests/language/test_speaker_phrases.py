"""Whom a noun phrase names as a speaker: appositions the parse hangs on the wrong noun."""

from __future__ import annotations

from quoted_text import speakers


def test_a_name_in_apposition_after_of_an_organisation_names_the_head() -> None:
    assert speakers(
        "The chief executive of the Disasters Emergency Committee , Brendan Gormley , has "
        "warned against using material that `` connives in the sort of disaster pornography "
        "that does exist '' after newspapers published images of the dead .") == [
        "Brendan Gormley"]


def test_the_company_is_the_organisation_last_a_subject() -> None:
    assert speakers(
        "Twitter confirmed on Tuesday evening that its site had been shut down in Egypt .",
        "Earlier in the day , Twitter seemed unsure .",
        "`` We 're not experts on how Twitter is being used in highly developing situations , '' "
        "the company tweeted from the same handle .") == ["Twitter"]


def test_a_passive_naming_verb_gives_the_words_to_its_agent() -> None:
    assert speakers(
        "Pte Beharry 's award was described by Gary Sheffield , a leading historian of the "
        "army , as `` a classic in the VC mould - he was rescuing colleagues '' .",
        "The film contains a scene described by one critic as so violent `` it makes the "
        "old classics look like a pop video '' .",
    ) == ["Gary Sheffield", None]


def test_the_subject_of_a_passive_telling_verb_heard_the_words() -> None:
    assert speakers(
        "Benon Sevan and Joseph Stephanides were informed on Friday that they had been "
        "suspended , UN spokesman Fred Eckhard said .",
        "Mr Sevan and Mr Stephanides were told they would receive a letter this week `` laying "
        "out the charges against them '' , he said .") == ["Fred Eckhard"]


def test_a_speech_verb_hanging_from_the_quote_does_not_take_it_from_the_framing_one() -> None:
    assert speakers(
        "Cheryl Cole said she hoped money raised would `` help the people of Haiti rebuild "
        "their lives '' while Rod Stewart said he could not think of `` a more fitting song "
        "than Everybody Hurts to convey the unimaginable tragedy that is Haiti '' .") == [
        "Cheryl Cole", "Rod Stewart"]


def test_a_subjectless_verb_takes_the_name_whose_relative_clause_ends_before_it() -> None:
    assert speakers(
        "In an interview with the BBC World Service Mr Annan , who is in London , said : `` "
        "Honestly I wish we were never given that program . ''") == ["Annan"]


def test_the_convicted_killer_is_read_like_he() -> None:
    assert speakers(
        "Brian Nichols was convicted of killing four people in 2005 .",
        "`` I am sorry . I just want to say that I will not bring dishonor to the decision , '' "
        "the convicted killer said .") == ["Brian Nichols"]


def test_the_object_of_quoted_as_saying_is_the_speaker() -> None:
    assert speakers(
        "`` The cops , they just jumped out of the car so fast , '' the New York Daily News "
        "quoted witness Devonte Brown as saying .",
        "The producer , Laurence Mark , chose the actor .",
        "He was chosen `` because we want the ceremony to be fun , '' People quoted him as "
        "saying .") == ["Devonte Brown", "Laurence Mark"]


def test_an_organisation_subject_of_a_sentence_with_no_speech_verb_gives_its_words() -> None:
    assert speakers(
        "The Committee to Protect Journalists has excoriated Mubarak for `` an unprecedented "
        "and systematic attack '' on international reporters .") == [
        "Committee to Protect Journalists"]


def test_an_abbreviated_rank_parsed_as_the_subject_gives_the_name_after_it() -> None:
    assert speakers(
        "`` There is a suspicion that there might have been a third official he was seeking , "
        "'' said Troy police Lt. Gerry Scherlinck .") == ["Gerry Scherlinck"]


def test_a_noun_phrase_parsed_for_entities_only_is_read_as_its_mention() -> None:
    import spacy

    from storyline.language.nlp import ParsedPiece
    from storyline.language.speaker_index import ArticleIndex
    from storyline.language.speaker_phrases import phrase_speaker
    from storyline.language.speaker_state import ResolverState
    from storyline.model import Article, EntityMention, Sentence

    text = "Chief Tim Fanning of the police spoke ."
    doc = spacy.blank("en")(text)  # no tagger, no parser: reading its tree would crash
    article = Article(id="a", raw=text)
    article.text = text
    article.sentences = [Sentence(0, len(text), text)]
    article.entities = [EntityMention("Tim Fanning", "PERSON", 6, 17, canonical="Tim Fanning")]
    state = ResolverState(ArticleIndex(article, [ParsedPiece(0, 0, doc)], []))
    assert phrase_speaker(state, doc[1]) == article.entities[0]
    assert phrase_speaker(state, doc[0]) is None


def test_abbreviated_titles_the_entity_model_tagged_give_the_name_after_them() -> None:
    assert speakers(
        "`` He was pretty shook up , '' said Sgt. Marty Earley with the Bloomington Police "
        "Department .",
        "`` This is the kind of crime that the death penalty was made for , '' said Dist. Atty. "
        "Steve Cooley .") == ["Marty Earley", "Steve Cooley"]


def test_an_abbreviated_title_in_apposition_gives_the_name_after_it() -> None:
    assert speakers(
        "The suspect was `` deliberately seeking out these individuals , '' according to Troy "
        "police Lt. Gerry Scherlinck .") == ["Gerry Scherlinck"]


def test_a_name_set_off_by_a_comma_after_according_to_a_noun_is_the_source() -> None:
    assert speakers(
        "Palestinian Authority President Mahmoud Abbas called Mubarak and `` affirmed his "
        "solidarity with Egypt and his commitment to its security , '' according to the "
        "official Palestinian news agency , Wafa .") == ["Wafa"]


def test_texted_reports_words() -> None:
    assert speakers(
        "`` We are scared right now , many people are standing outside , '' Opoku Ware Cyprian "
        "texted from Kumasi .") == ["Opoku Ware Cyprian"]


def test_a_bracket_escape_parsed_as_the_subject_is_skipped() -> None:
    assert speakers(
        "Assistant Special Agent Michael Flanigan of the Las Vegas branch of the Drug "
        "Enforcement Agency -LRB- DEA -RRB- said the operation was likely to take `` a couple "
        "of hours '' .") == ["Michael Flanigan"]


def test_an_investigation_led_by_a_person_speaks_for_its_leader() -> None:
    assert speakers(
        "An investigation led by the former Federal Reserve chairman Paul Volcker accused Mr "
        "Sevan in an interim report of a `` grave conflict of interest '' .") == ["Paul Volcker"]


def test_they_after_joint_names_is_the_first_named() -> None:
    assert speakers(
        "Executors Paul Warden and Simon Keats have managed the accounts since 2009 .",
        "`` Since that date , the assets have continued to grow , '' they said .",
    ) == ["Paul Warden"]


def test_they_after_a_plural_group_names_nobody() -> None:
    assert speakers(
        "Paul Warden and Simon Keats met the protesters on Friday .",
        "The protesters marched to the square .",
        "`` We will stay here until the law changes , '' they said .",
    ) == [None]


def test_the_pair_after_joint_names_is_the_first_named() -> None:
    assert speakers(
        "`` She is the ideal choice , '' said Laura Mendel and Victor Aske , the producers .",
        "`` She also has style and a sense of occasion , '' the pair said in a statement .",
    ) == ["Laura Mendel", "Laura Mendel"]


def test_a_statement_purporting_to_be_from_a_group_is_the_groups() -> None:
    assert speakers(
        "A statement purporting to be from the Northern Liberation Front claimed the attack .",
        "`` Our fighters targeted the barracks at dawn , '' said the statement .",
    ) == ["Northern Liberation Front"]


def test_the_company_is_the_only_organisation_named_before() -> None:
    assert speakers(
        "Acme Robotics engineer Tom Reyes was released on Monday , the company said .",
        "`` Huge relief that Tom is free . Our love to his family , '' the company tweeted .",
    ) == ["Acme Robotics"]


def test_a_nested_account_before_the_quote_keeps_its_outer_source() -> None:
    assert speakers(
        "Tom Ridley says the minister told them the general said : `` We will not retreat "
        "from the border . ''",
    ) == ["Tom Ridley"]


def test_who_said_after_a_description_in_apposition_is_the_names() -> None:
    assert speakers(
        "The programme also interviewed Sir Alan Prowse , the minister 's former adviser , "
        "who said of the case : `` We stretched the argument to breaking point . ''",
    ) == ["Alan Prowse"]


def test_the_role_noun_of_a_person_named_before_reads_like_he() -> None:
    assert speakers(
        "Mr Dobbins , an 80-year-old former candidate , made the comments on his show .",
        "`` They said , we will serve you if you free us , '' the televangelist said .",
    ) == ["Dobbins"]


def test_the_company_is_not_the_agent_of_a_passive() -> None:
    assert speakers(
        "The drug was approved by the Federal Drug Board in May .",
        "`` We are delighted with the decision , '' the company said .",
    ) == [None]


def test_a_from_deep_in_a_documents_clause_names_no_issuer() -> None:
    assert speakers(
        "A statement issued after talks with delegates from the Northern Front said : "
        "`` The ceasefire will hold until the spring . ''",
    ) == [None]

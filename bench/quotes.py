"""Direct quotes and their speakers against hand labels (bench/quotes_gold.jsonl).

    python bench/quotes.py --data ../shared/data [--errors]
        [--half tune|check|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10
               |fresh11|fresh12|fresh13|fresh14|fresh15|fresh16|fresh17|all]

Gold
----
``bench/quotes_gold.jsonl`` holds 245 dev articles, one JSON object a line: ``dataset``
(``ecbplus-dev`` or ``t17-dev/<topic>``), ``id`` (the record's id in that dataset's
``articles.jsonl``), ``half`` (``tune``, ``check``, ``fresh``, ``fresh2``, ``fresh3``,
``fresh4``, ``fresh5``, ``fresh6``, ``fresh7``, ``fresh8``, ``fresh9``, ``fresh10``,
``fresh11``, ``fresh12``, ``fresh13``, ``fresh14``, ``fresh15``, ``fresh16`` or
``fresh17``),
``labelled: "all direct quotes"``
and ``quotes``: ``start``/``end`` (character offsets into the record's ``text`` field as
given in the dataset), ``text`` (that stretch, for checking), ``speaker`` (or null),
``speaker_type`` (PERSON or ORG), and optional ``also`` (other answers accepted),
``as_written`` (an unnamed speaker's description) and ``note``.

Articles were picked by a seeded draw (``random.Random(2026)``) among records with at
least two quotation marks: 16 ECB+ dev articles of at most 3,000 characters, each from a
different topic, and 4 t17-dev articles of at most 3,500 characters from each of its four
topics (EgyptianProtest_cnn, IraqWar_guardian, MJ_bbc, haiti_bbc). Halves alternate in
draw order (even: tune, odd: check). The labels were written by reading each article in
full; the draw and the labels came before any run of storyline on these articles.
The ``fresh`` set (10 articles: the next 6 ECB+ topics and the next t17 article of each
topic in the same draw) was drawn and labelled after the speaker rules were written and
the check half's errors had been read: no rule had seen it then, but its errors were read
when the speaker rules were next reworked. The ``fresh2`` set (9 articles, 34 quotes: the
next 5 ECB+ topics and the next t17 article of each topic) was drawn and labelled before
that rework and before any run of storyline on it; its errors were read after the second
pass was merged. The ``fresh3`` set (14 articles, 35 quotes: the last 6 ECB+ topics of the
draw, 28-33, and the 7th and 8th t17 article of each topic) was drawn and labelled before
the third pass changed any rule and before any run of storyline on it; its errors were read
in the fourth pass, after fresh4 was labelled. The ``fresh4`` set (12 t17 articles, 45
quotes: the 9th to 11th t17 article of each topic; the ECB+ topics are exhausted) was drawn
and labelled before the fourth pass changed any rule and before any run of storyline on it,
and committed before its first scoring, which gave (unchanged rules of commit b211929): span
precision 1.000 (43/43), recall 0.956 (43/45), right speaker 0.622 (28/45), nearest-person
reference 0.489 (22/45). Its errors were then read, with fresh3's, in the fourth pass
(spans of flattened and one-sentence-a-line texts, lost opening marks, speakers introduced
without a speech verb, documents' signers): after it 0.889 (40/45), no longer a held-out
figure. Three of its articles hold no quote of four words or more (they count only
against span precision). Its judgement calls: the six partial quotes of a memo "signed
by" a named general take him as the speaker (his written words); three brothers speaking
jointly give one of them, the other two in ``also``; a message read out takes its reader,
its author in ``also`` (the nested-account rule). No gold label was changed in the
fourth pass. The ``fresh5`` set (13 t17 articles, 45 quotes: the 12th to 14th t17
article of each topic, whose 12 articles held 34 quotes, then the next pick in draw order,
the 15th of EgyptianProtest_cnn, with 11; ``--t17 15``) was drawn and labelled after the
fourth pass was merged (language step version 9, commit 5c9eaa3) and committed before any
run of storyline on it (c8c2864). Scored once with those unchanged rules: span precision
1.000 (43/43), recall 0.978 (44/45), right speaker 0.689 (31/45), nearest-person reference
0.467 (21/45), ratio 1.48. Its errors were read after that scoring, and no rule or label
was changed for them. One article, a speech report whose lead opens with a photo
caption and whose marks are broken (an unclosed stretch, a stray opening mark), holds 9
of the 45 quotes and 9 of the 14 errors (0.861, 31/36, without it): 4 come from its
marks (a stretch missed and its second half left without a speaker; a stretch cut at
its first line, so that "But Bush has been clever." reads as narration, ending the next
quote's turn and taking a later "he claims"), 3 from the caption-prefixed lead (the
speaker, subject of a relative clause in the parse, loses "he said" to the passive
subject "Tony Blair", and the next two quotes continue the turn), 2 from "he" after
sentences whose subjects are descriptions ("The 75-year-old", "the author of …": the
last person mentioned wins). The others: a film title the entity model
tags a person, as a sentence's subject; "The chief executive of X, Brendan Gormley, has
warned" (the name in apposition to X, the subject an unnamed role); and three judgement
calls. Those calls: "according to critics from Variety" gives the publication; a line of
a rhyme gives its author, named two sentences on; a quote with no speech verb after
"Francoise and her relatives have got no food" is hers (an unmarked pull-quote of it
names her). Also: a reporter reading out a questionnaire's question is its speaker (the
reader, as in the nested-account rule); a lawyer's "the man who killed Michael Jackson"
is his quote (unnamed speaker), not a nickname. Two articles hold no quote of four words
or more (one an aid worker's first-person account printed without marks); a pull-quote
with no mark at either end is not labelled. Held-out sets' errors are listed only when
the half is asked by name. In the fifth pass (language step version 10) fresh5's errors
were worked on as classes of mechanism, not as cases: lost closing marks (a second
opening mark read as a close and a reopening; an open quote running to one), he/she
read through chains of he/she sentences and main-clause subjects (a wider parsed
neighbourhood: three paragraphs before a quote), appositions after "of <organisation>",
"the company" and platforms tagged as people, passive naming verbs and their agents,
and a stand-alone quote's topic person; each change was also read on 718 unlabelled dev
articles (see docs/results.md). fresh5 then scored 0.956 (43/45): no longer a held-out
figure. No gold label was changed. Left: the Variety and rhyme judgement calls.
The ``fresh6`` set (12 t17 articles, 47 quotes: the 16th to 18th EgyptianProtest_cnn
article and the 15th to 17th of the other topics, one pick per topic in turn in draw order
until at least 12 articles and 40 quotes; ``--t17 18``) was drawn and labelled during the
fifth pass, before any run of storyline or of this bench on it, and committed before its
first scoring, which is to be done once, with the fifth pass's final code. Two of its
articles hold no quote of four words or more; in one of them (a CNN iReport page) a
friend's two sentences stand between single marks (' … ') at top level: not labelled,
the guideline's marks being the double ones (single marks only nest). Its judgement
calls: "the defense characterised Murray as '…'" gives no speaker (the lawyers unnamed
there); fans' signs' words are an unnamed source's quote, not a name; a detective's
"he said he was caring for his patient …" is his (nested account: Murray in ``also``); a
report's words give its organisation (CSIS), as a signed memo gives its signer; "others
have identified them as '…'" inside a spokesman's answer is the spokesman's; a quote
after "Dr Paul White said … he was 'perplexed'" with no speech verb of its own is his.
The ``fresh7`` set (12 t17 articles, 50 quotes: the 19th to 21st EgyptianProtest_cnn
article and the 18th to 20th of the other topics, one pick per topic in turn in draw order
until at least 12 articles and 45 quotes; ``--t17 21``) was drawn and labelled after the
fifth pass was merged (language step version 10, commit b7029a0), before any run of
storyline or of this bench on it, and committed before its first scoring, which is to be
done once, with the code after the fifth pass. Every one of its articles holds a quote of
four words or more. Its judgement calls: "Kennedy's 'Ich bin ein Berliner' speech" is the
speech's name (a title), not labelled; a campaign poster's words ("it says", "it adds")
give the party that launched it (Conservative party; Conservatives, Tories and its leader
Michael Howard, who defends the poster, in ``also``), as a report's words give its
organisation; a prime minister's and a report's phrases quoted among the reasons a
politician gave at a press conference are the politician's (nested account: the prime
minister and the report's author in ``also``); "Labor strategists believe … shows Mr
Howard 'has nothing to say'" gives no speaker (unnamed people, not the party); a quote
followed by "said speaker Ali Larijani, according to the news agency" is Larijani's, not
the agency's; a
reader's tweet in page furniture with a closing mark only ("Like a MacBook Pro '' says
@Mister_Solomon") starts at its line and takes the handle as written, while one with no
mark ("…, says @NUS_Liam") is not labelled; a quote opening after a photo caption on its
line starts at its mark, and a mother's words nested in single marks stay in her
daughter's quote; a witness whose last name is withheld is named as the article names her
("Heather").
The ``fresh8`` set (12 t17 articles, 51 quotes: the 22nd to 24th EgyptianProtest_cnn
article and the 21st to 23rd of the other topics, one pick per topic in turn in draw order
until at least 12 articles and 45 quotes; ``--t17 24``) was drawn and labelled after
fresh7's scoring (commit 073ead6), before any run of storyline or of this bench on it, and
committed before its first scoring; it was kept blind for a pass and not scored in the
session that labelled it. Its first scoring (the sixth pass's code): 0.843 (43/51); its
errors were then read and the seventh pass written on them, so it is an open set now and
a plain run scores it. Three of its articles hold no quote of four words or more
(their quoted stretches are of two or three words). Its judgement calls: a man whose
surname the article spells two ways ("Mick Dewer" once, "Mick Dewar"/"Mr Dewar" twice)
takes the majority spelling, the other in ``also``; a judge and an activist named by their
last names only ("Pastor", "Ghonim") are labelled so, the fullest form that article gives;
"His family said" gives no speaker (unnamed people, not the father named earlier); a
pull-quote line with no mark at either end (words of a later quote) is not labelled, and
the quote before it, with no closing mark of its own, ends at its line, the next quote
starting at its mark on the pull-quote's line (as after a photo caption); likewise a quote
running into a photo caption ends at the line before it; a quote with no closing mark
running over two lines before the next paragraph reopens the marks ends where it is
reopened; a child's words written on his fundraising page are his quote; a quote after "X
was outside the court …:" or "X was in tears:" with no speech verb is X's; a man yelling
in a crowd is an unnamed speaker ("one man").
The ``fresh9`` set (14 t17 articles, 46 quotes: the 25th to 28th EgyptianProtest_cnn
article, the 24th to 27th IraqWar_guardian article and the 24th to 26th of MJ_bbc and
haiti_bbc, one pick per topic in turn in draw order until at least 12 articles and 45
quotes: the first 12 picks held 38 quotes, so two more were taken, EgyptianProtest_cnn's
28th with none and IraqWar_guardian's 27th with 8; ``--t17 28``) was drawn and labelled
blind in the session that labelled it (on commit 2e7fac6): from the text alone, with no run
of storyline's quote or speaker code or of this bench on its articles and no look at what
the tool gives for them, and committed before its first scoring; it is kept blind like
fresh8 (``BLIND``: only ``--half fresh9`` runs and scores it). Three of its articles hold no
quote of four words or more (each quotes a single word); titles ("American Morning"), page
furniture ("for publication") and chanted and shouted stretches of three words ("Change the
power .", "Stop the bombings .") are not labelled. Its judgement calls: banners' slogans and
protesters' chants and shouts are quotes of unnamed sources (``speaker: null``), as fans'
signs in fresh6; an internet statement "purporting to be from" a group that claimed the
attack gives the group (al-Qaida in Iraq), as a report's words give its organisation; "the
US military's Task Force Baghdad said" gives the task force, the US military in ``also``; a
report's words ("said the report") give the body that compiled it (Iraqi Board of Supreme
Audit), the man who led it in ``also``; a statement on an organisation's Facebook support
page gives the organisation (Department of Peacekeeping Operations; UN in ``also``), not the
platform; "British defense officials say" gives no speaker (unnamed people, not the ministry
named earlier); a sister named by her first name only ("LaToya") is labelled so, the surname
forms in ``also``; a quote opened by a single backtick and closed by a double mark ("He
added that ` there has been … ''") is labelled, starting after the backtick; a quote with no
closing mark running over two lines ends where the next paragraph reopens the marks; a
partial quote after "the aim of the event was to" whose marks repeat the "to" starts at its
mark.
The ``fresh10`` set (12 t17 articles, 45 quotes: the 29th to 31st EgyptianProtest_cnn
article, the 28th to 30th IraqWar_guardian article and the 27th to 29th of MJ_bbc and
haiti_bbc, one pick per topic in turn in draw order until at least 12 articles and 45
quotes, which the first 12 picks reached; ``--t17 31``) was drawn and labelled blind in the
session that labelled it (on commit 61e9e04), as fresh9 was: from the text alone, with no
run of storyline's quote or speaker code or of this bench on its articles and no look at
what the tool gives for them, and committed before its first scoring; it is kept blind like
fresh8 and fresh9 (``BLIND``: only ``--half fresh10`` runs and scores it). One of its
articles holds no quote of four words or more (its one quoted stretch is a report's title);
group and page names ("We Are All Khaled Said"), scare quotes ("super brands", "war on
terror"), page furniture ("for publication") and stretches of two words ("act now", "blind
desire") are not labelled. Its judgement calls: a woman the article names "Robin Rusch" and
later "Ms Rausch" takes the full name given, the other spelling in ``also``; "the
Brandchannel.com report said" gives the site that compiled the report (Brandchannel.com;
Interbrand, its owner, and Robin Rusch, its editor, in ``also``), as a report's words give
its body; two executors speaking or writing jointly ("John Branca and John McClain said",
"the co-executors wrote", "they added", "Branca and McClain continued") give John Branca,
John McClain in ``also``; "the group says" after a Facebook group named "We Are All Khaled
Said" gives the group (ORG); unnamed speakers stay unnamed: "A western diplomat in Baghdad
told the Associated Press" (not the agency), "one western observer", "one former US
intelligence official" and "a state department spokesman" (not the department, as "a
Coca-Cola spokesman" in fresh2), "one officer"; "was quoted as saying by AP" gives the
spokeswoman named, not the agency; a quote with no speech verb followed by "So said former
US President , Bill Clinton" is his; a quote after "summed up the mood :" is the speaker's
named before the colon; two quotes with no closing mark of their own ("replied , `` Yes ,
…", "said : `` Within hours …") end at their line, where the next paragraph reopens the
marks; partial quotes of four and five words ("in shockingly bad taste", "youth staging
street protests ineffective .") are labelled.
The ``fresh11`` set (15 t17 articles, 46 quotes: the 32nd to 35th EgyptianProtest_cnn
article, the 31st to 34th IraqWar_guardian article, the 30th to 33rd MJ_bbc article and the
30th to 32nd haiti_bbc article, one pick per topic in turn in draw order until at least 12
articles and 45 quotes: the first 12 picks held 38 quotes, so three more were taken,
EgyptianProtest_cnn's 35th with 3, IraqWar_guardian's 34th with 2 and MJ_bbc's 33rd with 3;
``--t17 35``) was drawn and labelled blind in the session that labelled it (on commit
20e51ab), as fresh9 and fresh10 were: from the text alone, with no run of storyline's quote
or speaker code or of this bench on its articles and no look at what the tool gives for
them, and committed before its first scoring; it is kept blind like fresh8 to fresh10
(``BLIND``: only ``--half fresh11`` runs and scores it). Two of its articles hold no quote of
four words or more (a nickname, "milk", and a three-word partial quote, "for security
reasons"); a nickname ("Gorgeous"), a hashtag between marks, headline words in single marks,
a chant of two words and stretches of two and three words ("good explanation", "acute
propofol intoxication") are not labelled. Words are counted as written, not as tokens: "It
's really unprecedented ." (three words, four tokens) is not labelled, and a hyphened word
counts once ("drink-sodden former Trotskyist popinjay", four words, is labelled). Its
judgement calls: "accused him of being a `` drink-sodden former Trotskyist popinjay ''" is
the MP's spoken insult, a partial quote, not a nickname (George Galloway, the "he" of the
sentence); words "described on promotional material … as" ("the Brit who set Congress
straight about Iraq") are a quote of an unnamed source, not a name; signs' words ("Islam is
the devil") are an unnamed source's quote, as fans' signs in fresh6; "the company tweeted"
after "Google executive … , the company announced" gives Google (ORG), and a tweet carried
by a man's Twitter account ("the tweet said") gives him; "Mr. Ghonim wrote on his personal
Facebook profile" inside "The WSJ reports that" gives him, not the paper; a lawyer's
statement quoting a warrant ("said the warrant `` authorised … ''") gives the lawyer (the
warrant's issuer unnamed), while "The warrant , filed in Harris County District Court ,
said … `` … ''" gives no speaker (a judge unnamed; the court it was filed in is not its
author); "He also has asked his political opponents `` … , '' the Yemeni government said"
gives the government (ORG; Ali Abdullah Saleh, whose request it reports, in ``also``);
unnamed speakers stay unnamed: "A police spokesman" (after "Scottish police have
announced"), "A Downing Street spokesman", "a White House official", "one US political
blogger", "one fan" (on a magazine's website), "one source" (of "Arab diplomatic sources …
told CNN"); a photo caption's "Dr Christopher Rogers : `` … ''" with no speech verb is his,
and so is a later quote after "the chief of forensic medicine at the Los Angeles County
Coroner 's Office said", his description; a judge the article names only "Judge Pastor" is
labelled "Pastor"; quotes with no closing mark of their own end at their line, where the
next paragraph reopens the marks, and a pair of marks spanning two or three lines is one
quote.
The ``fresh12`` set (12 t17 articles, 61 quotes: the 36th to 38th EgyptianProtest_cnn
article, the 35th to 37th IraqWar_guardian article, the 34th to 36th MJ_bbc article and the
33rd to 35th haiti_bbc article, one pick per topic in turn in draw order until at least 12
articles and 45 quotes, which the first 12 picks reached; ``--t17 38``) was drawn and
labelled blind in the session that labelled it (on commit f01326f), as fresh9 to fresh11
were: from the text alone, with no run of storyline's quote or speaker code or of this bench
on its articles and no look at what the tool gives for them, and committed before its first
scoring; it is kept blind like fresh8 to fresh11 (``BLIND``: only ``--half fresh12`` runs and
scores it). Two articles hold 26 of its quotes (a rescuer's account reopened over 15
paragraphs; a president's remarks split by "he said" into 11). One of its articles (a live
page of page furniture) holds no quote of four words or more (its one quoted stretch,
"full confidence", is of two words); stretches of one to three words ("return",
"counter-attack", "ill-timed", "child molester", "very close future .", "stinking elite
hypocrisy"), a headline's words in single marks and a scare quote ("war on terror") are not
labelled, and words are counted as written: "Date me -LRB- please -RRB-" ("Date me
(please)") is of three. Its judgement calls: a caption written on a blank speech-bubble
sticker by an unnamed passer-by and put in a film character's mouth ("begs ET from the
basket of the airborne bike") is an unnamed source's written words (``speaker: null``), as
signs' words, not the character's; "As the manifesto puts it" gives the artist who "writes
… in the manifesto" (Ji Lee), as a report's words give its author; "the report says" of "A
report by the National Intelligence Council", "a CIA thinktank", gives the council (ORG; the
CIA in ``also``, as the US military for Task Force Baghdad in fresh9), and so does a quote
after "it predicts"; "The measure said the government could ban any event that is `` …
''" (a 2001 law) gives no speaker (its author unnamed, as the warrant in fresh11; Human
Rights Watch, cited for the ban, is not its author); "Organisers said" and "they added" on
the event's Facebook page give no speaker (unnamed people, not the show or the platform);
"The Egyptian interior minister dismissed them as `` … ''" gives no speaker (the minister
unnamed), and so do "A senior administration official said the White House saw … as
`` … ''" (not the White House) and "the official said"; a bodyguard's recollection ("I said
, ` Dr Murray , what happened ? ' And he said , ` … ' ") and a photo caption's "Alberto
Alvarez … testified that Dr Murray had said the singer `` had a bad reaction ''" give the
bodyguard (nested account: Conrad Murray in ``also``); a quote "according to comments
reported in La Stampa" is the minister's, and one a man "told Reuters" his, not the
paper's or the agency's; "said Mr Wade 's spokesman , Mamadou Bemba Ndiaye" gives the named
spokesman, not Wade; "Mr Griffin 's original postings , on Facebook and Twitter , said"
and "responded with another Twitter post , saying" give him, not the platforms; a partial
quote of four words after "said fellow MEP Mr Griffin was trying to" ("stir up racial
hatred") is the speaker's (Glenis Willmott), not Griffin's. Quotes with no closing mark of
their own end at their line where the next paragraph reopens the marks, or, running over
two or three lines, where it is reopened (as in fresh8 and fresh9); a quote opening after a
photo caption or an unmarked pull-quote on its line starts at its mark, the pull-quote (the
words of a later quote, with no mark at either end) not being labelled; a pair of marks
spanning two or three lines is one quote; closing marks printed in the wrong order ("He had
a bad reaction , '' '") end the span before the comma and the double mark.
The ``fresh13`` set (12 t17 articles, 54 quotes: the 39th to 41st EgyptianProtest_cnn article,
the 38th to 40th IraqWar_guardian article, the 37th to 39th MJ_bbc article and the 36th to
38th haiti_bbc article, one pick per topic in turn in draw order until at least 12 articles
and 45 quotes, which the first 12 picks reached; ``--t17 41``) was drawn and labelled blind in
the session that labelled it (on commit 41ecb41), as fresh9 to fresh12 were: from the text
alone, with no run of storyline's quote or speaker code or of this bench on its articles and
no look at what the tool gives for them, and committed before its first scoring; it is kept
blind like fresh8 to fresh12 (``BLIND``: only ``--half fresh13`` runs and scores it). One
article holds 12 of its quotes (ten a concert promoter's, reopened paragraph after paragraph,
and two a singer's). One of its articles holds no quote of four words or more (its one quoted
stretch, "Acute propofol intoxication", is of three words); stretches of one to three words
("revolution", "blanket list", "Get out , Mubarak !", signs' "Free Egypt .", "with no
justification", "mishandled", "pocket money"), a communique's title ("Communiqu No. 1"), a
Facebook page's name ("We are all Khaled Said"), a hashtag between marks and a headline's
words in single marks are not labelled, nor is "faces of the fallen" (four words: the name of
the photographs lining a congressman's hallway, not anyone's words). Its judgement calls: a
partial quote of a communique that "the military 's senior officers … issued" gives the
Egyptian military (ORG; the officers unnamed), as a report's words give its body; a sign's
words read out in narration ("One sign … read :") are an unnamed source's (``speaker: null``),
while a chant inside a protester's account ("Demonstrators chanted : `` … '' / d'Amore said in
an e-mail to CNN") is his (nested account, the chanters unnamed); "the company tweeted" after
"Google executive Wael Ghonim was released …, the company said" gives Google (ORG) and "the
tweet said" of a tweet carried by Ghonim's account gives him, as in fresh11; "told Reuters"
and "was quoted as saying by the Associated Press" give the man quoted, not the agency; "said
in a statement" and "the statement added" give the association that issued it (ORG). Quotes
with no closing mark of their own end at their line where the next paragraph reopens the
marks, or, running over two or three lines, where it is reopened; a pair of marks spanning two
to four lines is one quote; an opening mark printed as a closing one ("He said : '' -LRB- Iraq
and Britain -RRB- are …") opens a quote; a quote opening after a photo caption on its line
starts at its mark; an unmarked pull-quote is not labelled (the same words, quoted later with
marks, are).
The ``fresh14`` set (14 t17 articles, 45 quotes: the 42nd to 45th EgyptianProtest_cnn
article, the 41st to 44th IraqWar_guardian article, the 40th to 42nd MJ_bbc article and the
39th to 41st haiti_bbc article, one pick per topic in turn in draw order until at least 12
articles and 45 quotes: the first 12 picks held 36 quotes, so two more were taken,
EgyptianProtest_cnn's 45th with 6 and IraqWar_guardian's 44th with 3; ``--t17 45``) was drawn
and labelled blind in the session that labelled it (on commit 90b38b8), as fresh9 to fresh13
were: from the text alone, with no run of storyline's quote or speaker code or of this bench
on its articles and no look at what the tool gives for them, and committed before its first
scoring; it is kept blind like fresh8 to fresh13 (``BLIND``: only ``--half fresh14`` runs and
scores it). One of its articles (a page of column summaries) holds no quote of four words or
more (its one quoted stretch, "orderly transition", is of two words); stretches of one to
three words ("stupid", "catastrophic", "repatriation", "overwhelming majority",
"mishandled", "misjudging", "march of millions"), a protesters' shout of three words as
written ("We 've had enough"), titles ("The 700 Club", "This Is It") and a headline's words
in single marks are not labelled. Its judgement calls: a partial quote of four words or more
in a photo caption or a summary line ("Abdoulaye Wade said Haitians could `` return to their
origin ''", "Google says it hopes … `` at this very difficult time ''", "Abhisit calls on
Mubarak to `` respect the wishes of the people ''") is labelled and gives whom the line names;
"said Mr Wade 's spokesman , Mamadou Bemba Ndiaye" gives the named spokesman, as in fresh12;
protesters' shouts ("Some were heard shouting") are an unnamed source's (``speaker: null``), as
chants in fresh9, and so is an entry on a Facebook page ("One … entry on a Facebook page …
read :"), not the platform; "Google said on its official blog" and "the post said" give Google
(ORG), not the blog; "the program claimed … Sir Richard briefed Mr Blair that … , adding :
`` … ''" gives Richard Dearlove (Panorama in ``also``), as "The WSJ reports that Mr. Ghonim
wrote" gave Ghonim in fresh11; an ambassador's account of his question and the officers'
answer, the answer's nested mark printed double ("I asked them : ` Do you have … ? / The MI6
officers told me : `` No. ''"), is one quote of his spanning two lines; a jurors'
questionnaire's question printed with no reader or author named is an unnamed source's
(``speaker: null``; fresh5's twin article, where "Rajesh Mirchandani reports :" opens it,
gives the reporter); "A DEC spokesman said … he said" gives no speaker (not the committee);
"the monarch said" of the Queen, named so only, gives "Queen"; "told CNN" gives the man
quoted, not the network. Quotes with no closing mark of their own end at their line where the
next paragraph reopens the marks, or, running over two lines, where it is reopened; a pair of
marks spanning two lines is one quote; an unmarked pull-quote is not labelled (the same words,
quoted later with marks, are).
The ``fresh15`` set (12 t17 articles, 52 quotes: the 46th to 48th EgyptianProtest_cnn
article, the 45th to 47th IraqWar_guardian article, the 43rd to 45th MJ_bbc article and the
42nd to 44th haiti_bbc article, one pick per topic in turn in draw order until at least 12
articles and 45 quotes, which the first 12 picks reached; ``--t17 48``) was drawn and labelled
blind in the session that labelled it (on commit a1b05b5, with fresh14), as fresh9 to fresh14
were: from the text alone, with no run of storyline's quote or speaker code or of this bench
on its articles and no look at what the tool gives for them, and committed before its first
scoring; it is kept blind like fresh8 to fresh14 (``BLIND``: only ``--half fresh15`` runs and
scores it). Two of its articles (a day-by-day summary and a children's news page) hold no
quote of four words or more; stretches of one to three words ("legitimate demand", "concrete
steps", "process of transformation", "victory is achieved", "harsh treatment", "credible
evidence", "free and democratic", "catastrophe", "hypocrisy", "crime", "directly linked",
"shoot to kill", "transparency", "thrilled", "mishandled", "overwhelming majority",
"inappropriate", "important statements", "vague", "gruelling rehearsals", "final curtain",
"very bad") and headlines' words in single marks are not labelled. Its judgement calls: a
letter "40 Democrats and one independent signed" in the Senate ("The letter urged the
administration to `` … ''", "It adds that … `` … ''") gives no speaker (its signers unnamed,
no organisation its issuer), as "The measure said" in fresh12; a reader's tweet in page
furniture with a closing mark only ("Like a MacBook Pro '' says @Mister_Solomon") starts at
its line and takes the handle as written, as in fresh7; "a national security spokesman said"
in a lead gives Tommy Vietor, named in the next paragraph ("National Security Council
spokesman Tommy Vietor added that …"); unnamed speakers stay unnamed: "Dr Murray 's
spokeswoman told the BBC", "A senior Obama administration official", "a senior State
Department official", "The company 's lawyers … they said" (not AEG) and "the judge … He said"
(an LA judge, not named); "Speaking to the AFP news agency , she said" gives the spokeswoman
named before, not the agency, and "he said in a statement posted on his firm 's website" the
lawyer, not the firm; a woman named "Vivien Figueiredo" and once "Ms Figuerdo" takes the
majority spelling, the other in ``also``; a blogger's interviewee ("I spoke to the Revd . /
Chris Oxley", then "Chris") is Chris Oxley, and his quote opening after an unmarked caption on
its line (words of a later quote, not labelled) starts at its mark; an opening mark printed as
a closing one ("said '' the needs are huge ''") opens a quote. Quotes with no closing mark of
their own end at their line where the next paragraph reopens the marks, or at the article's
end; a pair of marks spanning two lines is one quote; an unmarked pull-quote is not labelled.
The ``fresh16`` set (13 t17 articles, 50 quotes: the 49th to 52nd EgyptianProtest_cnn
article, the 48th to 50th IraqWar_guardian article, the 46th to 48th MJ_bbc article and the
45th to 47th haiti_bbc article, one pick per topic in turn in draw order until at least 12
articles and 45 quotes: the first 12 picks held 44 quotes, so one more was taken,
EgyptianProtest_cnn's 52nd with 6; ``--t17 52``) was drawn and labelled blind in the session
that labelled it (on commit e5a79f2), as fresh9 to fresh15 were: from the text alone, with no
run of storyline's quote or speaker code or of this bench on its articles and no look at what
the tool gives for them, and committed before its first scoring; it is kept blind like fresh8
to fresh15 (``BLIND``: only ``--half fresh16`` runs and scores it). One of its articles holds
no quote of four words or more (its one quoted stretch, "rabbit fever", is a disease's other
name); stretches of one to three words ("miracle", "nothing is happening", "anxiety",
"notoriously difficult to gauge", "popular discontent .", "sectarian cleansing",
"infiltrators", "solidarity", "was reassured", "strongly condemns") are not labelled. Its
judgement calls: a columnist's echo of four words of a statement he quoted in the sentence
before ("Of course `` a detailed body count '' is the one thing …") is labelled and gives the
statement's source (Downing Street, ORG), not a scare quote; "`` During the call , the king
said , ` … ' '' the news agency said" gives the agency (Saudi Press Agency, ORG; King
Abdullah in ``also``: nested account), the nested single marks staying inside, while
"Mubarak assured the Saudi king `` … ''" and "Mubarak added that Egypt will `` … , '' the news
agency said" give Hosni Mubarak (the agency in ``also``, as "according to the news agency"
in fresh7); "Abbas called Mubarak and `` affirmed his solidarity … , '' according to the
official Palestinian news agency , Wafa" gives Wafa (ORG; Mahmoud Abbas in ``also``), the
quoted words being the agency's third-person report, not his; "Here are the remarks of …
Omar Suleiman … :" with no speech verb gives him, his remarks reopened paragraph after
paragraph with no closing mark anywhere, each ending where the next reopens the marks and the
last at the article's end; two Ibrahims (Sally, "she said", and Sara, "Ibrahim said") are
told apart by which was named last; a girl's two words nested in single marks inside a
rescuer's quote ("She just said ` Thank you ' , …") leave it his; "told CNN", "told the
Associated Press news agency" and "he told the BBC" give the person quoted, and "Writing on
the BBC 's TV blog , the actor … he said" the actor, not the blog; unnamed speakers stay
unnamed: "His lawyers" (not Conrad Murray), "her father", "An official in Iran". An opening
mark printed as a closing one after "Mr al-Dabagh said ." opens a quote starting at the
bracketed name on the next line (as in fresh13); a quote opening after an unmarked
pull-quote or a run-on caption on its line starts at its mark; a pair of marks spanning two
to five lines is one quote; quotes with no closing mark of their own end at their line where
the next paragraph reopens the marks.
The ``fresh17`` set (15 t17 articles, 47 quotes: the 53rd to 56th EgyptianProtest_cnn
article, the 51st to 54th IraqWar_guardian article, the 49th to 52nd MJ_bbc article and the
48th to 50th haiti_bbc article, one pick per topic in turn in draw order until at least 12
articles and 45 quotes: the first 12 picks held 40 quotes, so three more were taken,
EgyptianProtest_cnn's 56th with none, IraqWar_guardian's 54th with 3 and MJ_bbc's 52nd with
4; ``--t17 56``) was drawn and labelled blind in the session that labelled it (on commit
bffdca8, after fresh16), as fresh9 to fresh16 were: from the text alone, with no run of
storyline's quote or speaker code or of this bench on its articles and no look at what the
tool gives for them, and committed before its first scoring; it is kept blind like fresh8 to
fresh16 (``BLIND``: only ``--half fresh17`` runs and scores it). Three of its articles (one a
CNN iReport sign-up page) hold no quote of four words or more; stretches of one to three words
("cosmetic actions", "unexplained wealth", "scapegoat", "angels", "You OK ?", "I am asleep .",
"unimaginable", "catastrophe", "freely and explicitly", "crazy", "quite tiring", "We 've been
lucky", "celebrating the legacy", "bad timing", "greatly honored", "unavoidable
circumstances", "key stakeholders", "complete blessing", "sign up", "for publication") and the
name of a line of cases ("one man one vote") are not labelled. Its judgement calls: signs'
and a banner's words read out in narration and a chant of demonstrators are an unnamed
source's (``speaker: null``), as in fresh9 and fresh13; partial quotes of an investigation
"led by … Paul Volcker" ("accused Mr Sevan in an interim report … of a `` … ''", "Mr Volcker
's report found `` … ''"), the body having no name in the article, give him, as a report's
words give its author; "an email was sent by the Millennium Stadium … offering `` … ''", which
Cardiff council confirmed, gives the stadium (ORG; the council in ``also``), as a report's
words give its body; a pull-quote with a closing mark only, run into the next sentence ("… I
feel their pain '' It would be an achievement , Jackson said"), starts at its line (a lost
opening mark, as the tweet in fresh7) and gives the singer, whose words it repeats; a jurors'
questionnaire's questions ("`` … '' reads question 97", "Question 99 asks :") and statements
give no speaker, the reporter being named in the sentence before ("the BBC 's Rajesh
Mirchandani in Los Angeles reports .") but not introducing them (fresh5's twin has "Rajesh
Mirchandani reports : `` … ''"), as in fresh14; a president named only "President Preval" is
labelled "Preval"; "told state television" and "according to a translation of his remarks"
give the person quoted; "the broadcaster said" after "Al-Jazeera said" gives Al-Jazeera (ORG);
a spokesman's "were told they would receive a letter this week `` … '' , … , he said" is his;
unnamed speakers stay unnamed: "a city hall official" and "the official". A pair of marks
spanning two to four lines is one quote; nested single marks and bracketed glosses stay
inside.
An eighteenth set would continue the t17 draw (the 57th EgyptianProtest_cnn article, the 55th
IraqWar_guardian article, the 53rd MJ_bbc article and the 51st haiti_bbc article).
``bench/quotes_draw.py`` replays the draw.

Labelling guideline
-------------------
* A direct quote is a stretch between quotation marks (``"…"``, ``“…”``, ````…''``) that
  reproduces someone's spoken or written words, whole sentence or partial ("warned it
  ``will not allow any provocative movement …''"). Not quotes: titles, headlines,
  nicknames ("The Chin"), slogans used as names, scare quotes ("war on terror").
* Quoted stretches of fewer than four words are not labelled (at that length a speech
  fragment and a scare quote cannot be told apart consistently; storyline ignores them).
* One labelled quote per pair of marks. A quote split by its attribution ("…," he said,
  "…") is two quotes; a quote running over several paragraphs, where each paragraph
  reopens the marks, is one quote per paragraph (the first ones end at their paragraph).
  A pair of marks spanning two sentences/lines is one quote. A quote whose opening mark
  is lost (a pull-quote box, a quote continued on the next line) starts at its line.
* The span excludes the marks, surrounding spaces and a trailing comma; nested single
  quotes stay inside.
* The speaker is whoever the article says uttered the words, in the fullest form the
  article gives ("Dave Gaskin" for "Insp Gaskin"; "Jon Owen" for "Director Owen"),
  including when the quote stands alone after an attributed one. An organisation or
  body when the text names it as the source ("the Interior Ministry warned"; "police
  said" after "Vancouver Police say"). Two joint speakers: both names, each accepted.
  A nested account ("Shaath says Bush told them God said: '…'") takes the outer named
  source, with the inner one in ``also``.
* Unnamed speakers ("one young man", "a spokesman") and unattributed quotes have
  ``speaker: null`` (and ``as_written``): the right answer is no speaker.

Scores
------
Storyline's clean and language steps run on the records (default configuration, one
process). Gold offsets are carried to the cleaned text through a character alignment.
A found quote matches a gold quote when their spans overlap (a found quote may cover
several gold quotes: a quote reopened over paragraphs is one quote for storyline).

* span precision: found quotes overlapping a gold quote / found quotes;
* span recall: gold quotes overlapped by a found quote / gold quotes;
* speaker accuracy: gold quotes whose overlapping found quote has the right speaker /
  gold quotes (a missed quote counts as wrong). Names match when one's words (after
  titles such as Mr, Dr, Judge) are contained in the other's, or, for people, when the
  last names agree; ``null`` matches only ``null``.

The same-run reference keeps storyline's quote spans but gives each the naive speaker:
the PERSON mention nearest the quote (outside quotation marks) in the quote's own
sentences or the one before.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parent / "quotes_gold.jsonl"
HELD_OUT = frozenset({"fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9",
                      "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15",
                      "fresh16", "fresh17"})
# Sets kept blind for the next pass: not run nor scored unless asked for by name, so a plain
# run of this bench does not spend them.
BLIND = frozenset({"fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14",
                   "fresh15", "fresh16", "fresh17"})
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "judge", "insp", "inspector",
    "director", "secretary", "president", "general", "gen", "const", "sir", "lord",
    "minister", "detective", "det", "senator", "the",
})


@dataclass
class Scored:
    """Counts of one half: spans found, gold quotes, and right speakers per system."""

    found: int = 0
    found_real: int = 0
    gold: int = 0
    gold_found: int = 0
    right: int = 0
    right_reference: int = 0


def load_records(data: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The dataset records named in the gold, by (dataset, id)."""
    records: dict[tuple[str, str], dict[str, Any]] = {}
    for dataset in {d for d, _ in wanted}:
        with open(data / dataset / "articles.jsonl", encoding="utf-8") as lines:
            for line in lines:
                item = json.loads(line)
                if (dataset, str(item["id"])) in wanted:
                    records[(dataset, str(item["id"]))] = item
    return records


def offset_map(raw: str, clean: str) -> list[int]:
    """For each offset of ``raw`` (and its end), the corresponding offset of ``clean``.

    Characters the cleaner dropped take the offset of the next kept character.
    """
    mapping = [-1] * (len(raw) + 1)
    matcher = difflib.SequenceMatcher(None, raw, clean, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[a + k] = b + k
    mapping[len(raw)] = len(clean)
    for i in range(len(raw) - 1, -1, -1):
        if mapping[i] < 0:
            mapping[i] = mapping[i + 1]
    return mapping


def name_words(name: str) -> list[str]:
    """Lower-case words of a name, without titles, possessives and initials' dots."""
    words = name.lower().replace("'s", " ").replace("’s", " ").replace(".", " ").split()
    return [w for w in words if w not in TITLES]


def same_speaker(found: str | None, gold: str | None, also: Sequence[str], person: bool) -> bool:
    """Whether a found speaker name refers to the gold speaker (see the module doc)."""
    if gold is None or found is None:
        return gold is None and found is None
    mine = name_words(found)
    for answer in (gold, *also):
        theirs = name_words(answer)
        if not mine or not theirs:
            continue
        if set(mine) <= set(theirs) or set(theirs) <= set(mine):
            return True
        if person and mine[-1] == theirs[-1]:
            return True
    return False


def reference_speaker(article: Any, start: int, end: int) -> str | None:
    """Naive speaker: the nearest PERSON outside quotes in the quote's or the previous sentence."""
    sentences = article.sentences
    first = next((i for i, s in enumerate(sentences) if s.end > start), len(sentences) - 1)
    last = next((i for i, s in enumerate(sentences) if s.end >= end), len(sentences) - 1)
    low = sentences[max(0, first - 1)].start if sentences else 0
    high = sentences[last].end if sentences else len(article.text)
    quoted = [(q.start, q.end) for q in article.quotes]
    best: tuple[int, str] | None = None
    for mention in article.entities:
        if mention.label != "PERSON" or not low <= mention.start < high:
            continue
        if any(a - 1 <= mention.start < b + 1 for a, b in quoted):
            continue
        distance = start - mention.end if mention.end <= start else max(0, mention.start - end)
        if best is None or distance < best[0]:
            best = (distance, mention.canonical or mention.text)
    return best[1] if best else None


def run_storyline(records: list[dict[str, Any]]) -> list[Any]:
    """Clean and language steps, default configuration, on the records (in order)."""
    import storyline.steps  # noqa: F401  (registers the built-in steps)
    from storyline.clean.step import CleanStep
    from storyline.config import load_config
    from storyline.language.step import LanguageStep
    from storyline.model import Article

    config = load_config()
    articles = [Article(id=f"{i}", title=r.get("title") or None, raw=r["text"])
                for i, r in enumerate(records)]
    cleaned = [a for a in CleanStep(config).run(articles) if isinstance(a, Article)]
    done = {a.id: a for a in LanguageStep(config).run(cleaned) if isinstance(a, Article)}
    return [done.get(f"{i}") for i in range(len(records))]


def main() -> None:
    """Score storyline's quotes and speakers against the gold, per half."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--errors", action="store_true", help="list wrong speakers and misses")
    halves = ("tune", "check", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7",
              "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14",
              "fresh15", "fresh16", "fresh17", "all")
    parser.add_argument("--half", choices=halves, default="all",
                        help="which half's errors to list (all: every half but the held-out ones)")
    args = parser.parse_args()

    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines()]
    gold = [g for g in gold if g["half"] not in BLIND or g["half"] == args.half]
    records = load_records(args.data, {(g["dataset"], str(g["id"])) for g in gold})
    ordered = [records[(g["dataset"], str(g["id"]))] for g in gold]
    articles = run_storyline(ordered)

    scores = {half: Scored() for half in dict.fromkeys(g["half"] for g in gold)}
    for labels, record, article in zip(gold, ordered, articles, strict=True):
        score = scores[labels["half"]]
        # Held-out sets' errors are listed only when asked by name: nobody reads them by accident.
        show = args.errors and (args.half == labels["half"]
                                or (args.half == "all" and labels["half"] not in HELD_OUT))
        if article is None:
            print(f"  {labels['id']}: skipped by storyline", file=sys.stderr)
            continue
        mapping = offset_map(record["text"], article.text)
        spans = [(mapping[q["start"]], mapping[q["end"]]) for q in labels["quotes"]]
        score.found += len(article.quotes)
        score.found_real += sum(any(q.start < e and s < q.end for s, e in spans)
                                for q in article.quotes)
        for item, (start, end) in zip(labels["quotes"], spans, strict=True):
            score.gold += 1
            overlapping = [q for q in article.quotes if q.start < end and start < q.end]
            if not overlapping:
                if show:
                    print(f"  MISS {labels['id']}: {item['text'][:60]!r}")
                continue
            score.gold_found += 1
            quote = max(overlapping, key=lambda q: min(q.end, end) - max(q.start, start))
            person = item.get("speaker_type") == "PERSON"
            also = item.get("also", [])
            if same_speaker(quote.speaker, item["speaker"], also, person):
                score.right += 1
            elif show:
                print(f"  SPEAKER {labels['id']}: {item['text'][:50]!r} gold={item['speaker']!r} "
                      f"found={quote.speaker!r}")
            naive = reference_speaker(article, quote.start, quote.end)
            score.right_reference += same_speaker(naive, item["speaker"], also, person)
        if show:
            for q in article.quotes:
                if not any(q.start < e and s < q.end for s, e in spans):
                    print(f"  EXTRA {labels['id']}: {q.text[:60]!r} speaker={q.speaker!r}")

    total = Scored()
    for score in scores.values():
        for name in vars(total):
            setattr(total, name, getattr(total, name) + getattr(score, name))
    print(f"articles: {len(gold)}; gold quotes: {total.gold}")
    for name, s in (*scores.items(), ("all", total)):
        precision = s.found_real / s.found if s.found else 1.0
        recall = s.gold_found / s.gold if s.gold else 1.0
        accuracy = s.right / s.gold if s.gold else 1.0
        reference = s.right_reference / s.gold if s.gold else 1.0
        ratio = accuracy / reference if reference else float("inf")
        print(f"{name:6s} spans: precision {precision:.3f} ({s.found_real}/{s.found}), "
              f"recall {recall:.3f} ({s.gold_found}/{s.gold}); "
              f"right speaker {accuracy:.3f} ({s.right}/{s.gold}), "
              f"reference (nearest person) {reference:.3f} ({s.right_reference}/{s.gold}), "
              f"ratio {ratio:.2f}")


if __name__ == "__main__":
    main()

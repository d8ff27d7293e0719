"""Common first names of one gender, for telling people from other names and their gender.

A hand-made list of frequent first names in English-language news (English, Arabic,
French, Spanish, German and Russian names). It leaves out names given to both sexes
and names that are also common words or places ("Grace", "April", "Florence",
"Austin"): a name missing from it is no evidence either way.
"""

from __future__ import annotations

from storyline.language.names import TITLE_WORDS

# Common first names of one gender (in English-language news: English, Arabic, French,
# Spanish, German, Russian names). Names given to both ("Jean", "Kim", "Chris", "Jordan",
# "Kelly", "Lee", "Sam", "Terry", "Francis", "Jackie") are left out, and "Abu" ("father
# of", also a family name) and "Al" (the Arabic article: "Al Jazeera"): no evidence.
_MALE_NAMES = """
aaron abdel abdul abdullah adam ahmad ahmed alan albert alberto alex alexander
alfred ali alistair alastair amr andrew andy angelo anthony antonio anwar arnold arthur
ayman barack barry ben benjamin bernard bernie bill billy bob bobby boris brad
bradley brendan brett brian bruce bryan calvin carl carlos charles charlie christian
christopher clarence clive colin conrad craig curtis dan daniel danny darren dave david
dean dennis derek desmond dick diego dmitry don donald doug douglas duncan dwight earl
ed eddie edward eduardo elijah elton emmanuel eric ernest essam ethan felix
fernando francisco frank frankie fred frederick gamal gareth gary gavin geoffrey george
gerald gerard gerhard giovanni giuseppe glenn gordon graham greg gregory hamid hans
harold harry hassan hazem helmut henry herbert hosni howard hugh hugo hussein ian
ibrahim igor isaac ivan jack jacob jacques jake james jason javier jay jeff jeffrey
jeremy jermaine jerry jesse jim jimmy joe joel john johnny jon jonathan jorge jose
joseph josh joshua juan julian justin karim keith ken kenneth kenny kevin khaled khalid
klaus kofi kyle larry lawrence leo leon leonard lewis liam louis luis luke mahmoud
malcolm manuel marco marcus mario mark marlon martin marvin matt matthew max michael
michel miguel mike mikhail mitt mohamed mohammad mohammed mostafa muhammad mustafa
nabil nasser nathan neil nelson nicholas nick nicolas nigel noah norman nouri oliver
omar oscar owen patrick paul pedro peter phil philip phillip pierre ralph randy raymond
ray ricardo richard rick ricky rob robert roberto roger ron ronald roy rudy rupert
russell ryan saddam saeed samuel scott sean sergei shane silvio simon stanley stephen
steve steven stuart tarek tariq ted terrence thomas tim timothy tito todd tom tommy
tony travis trevor tyler victor vincent vladimir wael walid walter wayne wesley
william willie wolfgang yasser youssef yusuf zachary
"""
_FEMALE_NAMES = """
abigail adele agnes aisha alice alicia alison allison amanda amelia amira amy
ana andrea angela angelina ann anna anne annie asmaa audrey barbara beatrice
betty beverly beyonce brenda bridget brigitte britney brittany carla carmen carol
carole caroline carolyn catherine cheryl chloe christina christine claire
clare claudia condoleezza courtney cynthia dalia danielle deborah debbie debra denise
diana diane dolores donna doris dorothy edith eileen elaine eleanor elena elisabeth
elizabeth ella ellen emilia emily emma esther evelyn fatima fiona frances
francoise gabriela gillian gloria gwyneth hala hannah harriet heather helen
hilary hillary holly huda ingrid irene irina isabel isabella isabelle jacqueline jane
janet janice jennifer jenny jessica jill joan joanna joanne josephine joyce
judith judy julia julie karen kate katherine kathleen kathryn kathy katie kayla kylie
laura lauren layla leila linda lisa liz lorraine louise lucy lynn lynne madeleine
madonna mandy margaret maria mariam marie marilyn marion martha mary maryam maureen
megan melanie melissa meryl mia michelle miranda mona monica nadia nancy naomi natalie
natasha nathalie nicola nicole nina nora noor nour olga olivia oprah pamela patricia
paula pauline peggy penny petra rachel rania rebecca rihanna rita rosa ruth sally
samantha samira sandra sara sarah shakira sharon sheila shirley sonia sophia sophie
stephanie susan suzanne svetlana tamara tara tatiana teresa theresa tina tracey tracy
ursula valerie vanessa vera victoria wendy whitney yasmin yasmine yvonne
zainab zoe
"""
FIRST_NAMES = {**dict.fromkeys(_MALE_NAMES.split(), "male"),
               **dict.fromkeys(_FEMALE_NAMES.split(), "female")}


def first_name_of(name: str) -> str | None:
    """The first word of a name of two words or more (titles skipped), lower case.

    A name standing alone may be a surname ("Howard", "Page"): None.
    """
    words = [w for w in name.replace(".", "").split() if w.lower() not in TITLE_WORDS]
    if len(words) < 2:
        return None
    return words[0].split("-")[0].lower()


def first_name_gender(name: str) -> str | None:
    """The gender of a name's first word when it is a common first name of one gender."""
    first = first_name_of(name)
    return FIRST_NAMES.get(first) if first is not None else None

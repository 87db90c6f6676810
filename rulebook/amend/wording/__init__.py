"""Amendment wording as organisations print it, read and written.

Conference papers, union rule-change booklets and party constitutions write
amendments in stock English ("Chapter 4, Clause II.2.B.i, line 2: delete '15
per cent' and insert '10 per cent'"). :func:`parse_wording` reads that English
into :class:`~rulebook.amend.motion.Amendment` operations and
:func:`write_wording` writes any operation back. Clause references are kept as
written; :func:`~rulebook.amend.apply.apply` resolves them later in the
motion's base (:func:`rulebook.numbering.resolve`), so this package never
looks at a rule book's tree. Every word of an instruction is either read or
refused: the error names the word and column and gives a form that works.

The package: :mod:`.tokens` (words, quotes, punctuation), :mod:`.reader`
(keywords, references, qualifiers), :mod:`.clauses` (statements on whole
clauses), :mod:`.labels` (a new clause's number and id), :mod:`.phrases` (quoted
phrases and occurrences), :mod:`.edits` (the deleting verbs, marks named in words, "between", "change"),
:mod:`.parts` (parts of a clause named by their labels; "That REF be amended to" an action), :mod:`.words`
(actions on a clause's words), :mod:`.located` (the clause a statement names),
:mod:`.printed` (forms, lists and preambles), :mod:`.notices` (clubs' and societies' notices, each a
whole wording), :mod:`.grammar` (instructions into statements;
:func:`parse_wording`), :mod:`.writer`.

The grammar (keywords in any case; ``Q`` a quoted phrase; ``NEW`` a quoted
phrase, or after ``:`` or a dash the plain text to the end of the instruction;
``REF`` a clause reference kept as written)::

    wording    := statement (SEP statement)*
    SEP        := ";" | "." | "," | "and" | "then" | LABEL        LABEL := "a)" | "(b)" | "(ii)" | "B." (before
                                                                  a capitalised word that starts a statement)
    wording    := NOTICE    (a whole wording: "REF / Current: OLD / Proposed: NEW", "Add new Article XII." and
                             its text below, "Add the following sections to REF." and each under its citation,
                             "Revise REF to read:" and the citation and heading restated, "That REF be removed",
                             "Shall REF ... be amended to include a new section as follows: CITE. TEXT",
                             "Changing: Q to Q", "REF / reason, change / [lead-in] / Q / to / Q",
                             "Proposal to add N new posts, under REF, as follows –" and N numbered lines)
    statement  := ["To"] statement                               ("To replace ...": a resolution's infinitive)
                | RENUMBER
                | ["In" REF] INSERT ["at" ["the"] "end"] ["after" REF ","] NEWWORD UNIT [NUMBER | ID | "with id" ID]
                      ["headed" Q] ["numbered" Q] [PLACE REF | "at" ["the"] "end"]
                      [("as follows" | "to read" | "reading") [":"]] NEW
                      ["with provisions" FLOW] ["with sub-clauses" FLOW]
                | DELETE ["the"] ["existing"] [UNIT] REF [WHOLLY] ["." Q]   (Q: its words, as confirmation)
                      ("and" UNIT REF)*                              (the same unit word: each deleted)
                      ["and" ("replace" | "substitute" | "insert") ["it"] ["with" | "by"] ["new" REF ["."]] NEW]
                      (a "new" REF other than REF is refused)
                | ("After" | "Before") REF [","] INSERT NEW   (NEW starts with a label like REF's last: a new clause)
                | ("Insert" | "Add") "new" CITE ":" NEW           ("Insert new D3.2: 'D3.2 Text'": numbered CITE)
                | ["Give" ORDINAL "reading to"] ["In" | "Amend"] DOCUMENT ":" statement   (no clause: the book)
                | "By the deletion from" REF "of" ["the comma and"] "the words" PHRASE
                      ["and the substitution therefor of" Q]
                | "By the deletion of" REFS ["and the substitution therefor of" ["the following"] BLOCK]
                | "By the addition at the end of" REF "of the words" Q      (a company's resolution in nouns)
                | "Be it" ["further" | "lastly" | "finally" | "also"] "resolved" ("to" statement | "that" ...)
                | "replace" ["the"] ["existing"] [UNIT] REF ("with" | "by") NEW
                | "move" UNIT REF PLACE REF
                | ("Amend" | "Change") ["[existing]"] REF ("so (that) it reads" | "to read") BLOCK
                | "Amend the following section of" REF ":" Q "to read" ["as follows"] [":"] NEW   (replace_words)
                | "Proposed change to" REF ":" BLOCK
                | ["AND"] "THAT" ["the" DOCUMENT ","] REF ["of the" DOCUMENT] RESOLVED BLOCK   (the clause's text)
                | "THAT" REF "be amended by the deletion of the words" PHRASE
                      ["and their replacement with the words" Q]
                      (RESOLVED: "be amended to read" | "is amended to read" | "be amended so that the rule reads" |
                       "be deleted and replaced by the following" | ...; "REF – HEADING IN CAPITALS, subrule (8)")
                | "THAT" REFS ["of the" DOCUMENT] "be amended to" action    ("omit the words 'x', replace with 'y'")
                | "that the following be" ("added" | "inserted") "as" REF ["of the" DOCUMENT] ":" BLOCK  (numbered REF)
                | "THAT the following" PLURAL-UNIT "be deleted" ["and renumbered accordingly"] ":" REF ("," REF)*
                | "That a new" REF "be inserted" ["to read"] ["as follows"] BLOCK   (a heading in capitals kept)
                | ["It was" [WORD] "resolved"] "that" DESCRIPTION "(" REF ")" "be replaced" ["in its entirety"]
                      "with the following" BLOCK                 (DESCRIPTION: any words, no quote or bracket)
                | "that" PREAMBLE ("authorize" | "approve" | "agree to" | "resolve to") "amending" REF
                      "as follows" ":" NEW                       (PREAMBLE: any words, no quote, ':' or ';')
                | "Existing" REF NL TEXT NL "Amended to read" NL NEW  |  "New" REF NL NEW    (printed forms)
                | ("Add" | "Insert") "to" REF ":" NEW  |  ("Add" | "Insert") NUMBER ":" NEW
                | ("Add" | "Insert") UNIT REF Q                    (a new clause, ``numbered`` REF)
                | ["N."] "Proposal to rename the position of" WORDS "to" WORDS      (throughout)
                | ["N."] "Proposal to change" REF [TITLE] "as follows" DASH NEW ["Existing" REF "reads" ...]
                | "Amend the" ["joint"] ("resolution" | "bill" | "report") [", as and if amended,"]
                      "by striking" ITEM "of" SECTION "and inserting" ":" ["/"] NEW ["/"]
                | Q ["."] ("change to" | "add") Q          (the words as they stand quoted first)
                | REF "by" GERUND action ("and" action)*    (an item of "be amended as follows:")
                | [["In" | "Amend"] ["existing"] [HEADING-OF] REFS [Q ","] (":"|","|"-")]
                      action ("and" action | "," action)*
                      [PURPOSE]
                | ["The"] SUBJECT "is" ["further"] "amended by" action   (SUBJECT: any words, no quote)
                | NAME "moves to amend" ["the report in"] REF "by" action (";" "and further amend such"
                      UNIT "by" action)*                    (NAME: one to five capitalised words)
                | ["In"] ORDINAL UNIT ":" action                  ("In first paragraph: replace ...": set aside)
                | "Throughout the" DOCUMENT ("," | ":") action    (replacements only: throughout)
                | [REF] "Amend" ["the"] ("heading" | "title") (":" | "-") action   (word replacements only: heading)
    action     := QUAL* ( DELETE [":"] PHRASE QUAL* ["from" (REF | "the" TITLE)]
                      [["and" | ","] (INSERT (NEW|MARK) | ("replace"|"replacing") ["it"] ("with"|"by") (NEW|MARK))]
                | DELETE ("the text" | "the heading") [... NEW]  |  DELETE ("the clause" | "this clause") [WHOLLY]
                | DELETE "the heading" ("to" | "of") REF "and" ("replace" | "replacing") "it with" ["the following
                      heading"] [":"] NEW                    (the rule's own number before the heading dropped)
                | DELETE "the" UNIT "." INSERT "instead" NEW    (the clause named, its text anew)
                | DELETE LABEL "and" ("insert" | "replace" ...) NEW   (the text of that part of the clause)
                | ("after" | "before") PHRASE [","] INSERT NEW  |  INSERT NEW ("after" | "before") PHRASE
                | ("after" | "before") LABEL INSERT NEW        (NEW starts with a label of LABEL's shape: a new part
                                                              of the clause named, next to its part LABEL)
                | "replace" UNIT LABEL "with" NEW  |  INSERT UNIT LABEL ("as follows" | ":") BLOCK
                                                             (that part of the clause named: anew, or new)
                | INSERT "sentence" ":" NEW                  (words at the end)
                | "between" Q "and" PHRASE [","] INSERT NEW     (replace_words of "Q PHRASE" by "Q NEW PHRASE")
                | "Amend:" N BLOCK      (the text of part N of the clause named: "Section 3 – Title Amend: 10.c ...")
                | "replace" ["the" ORDINAL "sentence" "which reads"] PHRASE ["as the" WORDS] ("with" | "by") NEW
                      ["in" UNIT N ("," N)* ["and" N]] ("and" Q "with" Q "in" UNIT N ...)*   (made in each)
                | "replace" N [","] "with" NEW             (the part numbered N of the clause named, its text)
                | "replace the text with" NEW ["and the heading with" NEW]  (and heading first)
                | "replace it with" BLOCK  |  "replace" ":" PHRASE "with" [":"] NEW
                | "delete these words and replace them with" NEW        (the words printed above: the text)
                | "after" PHRASE DELETE "the" ("full stop" | "comma" | "semicolon") [then new words]
                | INSERT NEW "at" ["the"] ("end" | "start") ["of" REF]
                | INSERT [":"] NEW    (a new clause into the clause named; NEW's own dotted, "5." or "(b)"
                                       number is its number; a bulleted list is refused)
                | INSERT ("after" | "before") WORDS ("the following" | "as follows") [":"] NEW
                      (a clause named in words, no quote: a new clause; NEW's own leading number is its number)
                | "for" PHRASE "substitute" NEW  |  "change" ["the"] (PHRASE | WORDS) "to" (NEW | WORDS)
                | "change" PHRASE ["in" UNIT N ("," N)* ["and" N]] "to" NEW ["in" UNIT N ("," N)* ["and" N]]
                      (the replacement made in each clause listed)
                | PHRASE ("to be replaced by" | "to be replaced with" | "is replaced by" | ...) NEW
                      (unquoted WORDS naming a clause or a title, "section 2 title", are refused)
                | "change" (["the"] ("title" | "heading") "of" REF | REF ("title" | "heading")) "to" Q
                      (the clause's new heading)
                | "set provision" NAME "to" FLOW  |  "remove provision" NAME )
    RENUMBER   := ("renumber" | "re-letter" | ...) ("the" | "remaining" | "clauses" | "and" | "accordingly" | ...)*
    DELETE     := "delete" | "leave out" | "remove" | "omit" | "strike" ["out"]
    INSERT     := "insert" | "add" | "substitute"
    UNIT       := "clause" | "sub-clause" | "sub clause" | "rule" | "article" | "section" | "paragraph" | "point"
                  | ... (and plurals)
    NEWWORD    := "new" | "a new" | "an additional" | "a further"
    PLACE      := "after" | "before" | "into" | "at the end of" | "to the end of"
    PHRASE     := ["the" ORDINAL ["occurrence of"] | EVERY] [FILLER] Q [OCCURRENCE]
    FILLER     := "the words" | "these words" | "the word" | "the phrase" | ["the"] ORDINAL "sentence" | ...
                  (a filler with no Q is refused)
    OCCURRENCE := "(" ("occurrence" N | ORDINAL "occurrence") ")"  |  "(every occurrence)"  |  "wherever it occurs"
                  |  "in every instance"
    EVERY      := "both references to" | "every occurrence of" | "all instances of" | ...   (before Q: occurrence all)
    QUAL       := "(line N)" | ["in" | "on"] ("line" | "lines") N | ("in" | "at the start of" | "at the end of")
                  ["the"|"this"] [ORDINAL] UNIT      (after a line, an occurrence counts in it: refused)
    REFS       := REF | PLURAL-UNIT REF ("," REF)* "and" REF      ("Rules B 2, B 4.1 and C 1.3": the actions for each)
                | W N ("," W N)* "and" W N        ("J 3, J 4.1 and J 5.9": one first word W, each with a number N)
    MARK       := "a full stop" | "a comma" | "a semicolon" | "a colon"
    PURPOSE    := "," ("to" | "so as to" | "in order to") WORDS     (why, for people; no quote; to ';', '.' or the end)
    THROUGHOUT := "throughout the" ("rule book" | "rules" | "constitution" | ...)  after a replacement: every clause
    RANGE      := PLURAL-UNIT N "to" N        ("subsections (3) to (7)": one deletion each, fewer than 26)
    HEADING-OF := "the heading of" | "the heading for" | "the chapter heading for" | "the title of"
    WHOLLY     := "in its entirety" | "in it's entirety" | "entirely" | "in full" | "completely" | ...
                  (after a deleted clause's citation; other plain words after its number are refused)

A statement that starts with an action works on the clause of the statement
before it (or the ``clause`` given to :func:`parse_wording`). Qualifiers only
say where a phrase stands: a phrase is found by its words, as whole words, and
one that occurs more than once is refused when applied, never guessed. A block
of new clause text that starts with its own number ("K.2 Branches meet ...")
loses the number, which the rule book computes; a block whose later lines start
with their own number or label ("7.2 ...", "a) ...", a bullet) is several clauses and is
refused. A line break after "to read", "reads" or "as follows" introduces a block as ":" does, and so
does a comma before a quote ("which reads, '...'"). "change the reference to Q" and "change the name of
(the) Q" change Q; "change the first sentence to" names a place, not words: refused. After the words
deleted, "which are (immediately) before the words Q" only says where they stand.
"renumber ... accordingly" does nothing, because numbering is computed. A title in brackets
after a citation ("SO 8.2 (Withdrawal of motions)") is set aside; "removal of" / "deletion of"
before Q deletes it. After "In REF,", an action that names a bare number or label ("at the end of 7")
names a part of REF ("REF, 7"); so does "in 3.3.2," after it. New words that start or end with "..." are
refused (words left out), except at an edge where the words they replace have "..." too, at the start of
words added at a clause's end and the end of words added at its start: there the dots are dropped.
"Article 14 – delete" deletes the clause; "Article 8.1.2. –": the full stop is punctuation. A rule's
title and page ("– Official Guide Part 1 (page 24)") before "be"/"to read" are set aside; "replacing
Development Officer with Chair" reads two office names unquoted. A bare label after "from" (``remove '; and' from
(b)``) names the sibling of the clause named before it when that ends in a label of the same
kind ("Article 21.7(c)" gives "Article 21.7(b)").

**Quoting.** ``'…'``, ``"…"``, ``‘…’``, ``“…”``, ``''…''`` and ````…''``, a
curly mark closed by a straight one and the reverse; quotes nest (``‘a
‘due diligence’ check’``). Inside a phrase the closing mark written twice
stands for itself (``'the member''s fee'``) and an apostrophe between letters
is an apostrophe. A ``”`` before a space, outside any quote, opens one when a later ``”`` or
``"`` closes it (``Delete ” Brandon House”``; the space is not quoted). An unclosed quote is an
error naming where it opens, except right after ``:`` (or ``: -``) with no quote mark after it: then it is
new text to the end (its closing mark lost in print); so is the wording's only quote mark when the words
from it to the end end a sentence and are the new words read.
:func:`write_wording` quotes with ``'`` unless the phrase holds one, then with
``"``; a phrase holding both is written with ``'`` and each ``'`` doubled.

**Ids of new clauses.** "insert new clause ID after REF: 'text'" gives the id;
a word that looks like a clause number ("F", "5A", "K.2") is the number it
will have, not an id (write "with id" to give such an id). Without an id the
clause gets :func:`derived_id` of the statement and its heading or text, and so does a
sub-clause written without one. :func:`write_wording` names a new clause that has ``numbered``
by that citation alone ("insert new clause after Rule 2 as Rule 3: ..."), its sub-clauses
without ids: the ids stay in the amendment's fields (docs/drafting.md).

Examples
--------
>>> (a,) = parse_wording("Chapter 4, Clause II.2.B.i, line 2: delete '20 per cent' and insert '10 per cent'")
>>> a.op, a.clause, a.old, a.new
('replace_words', 'Chapter 4, Clause II.2.B.i', '20 per cent', '10 per cent')
>>> w = "Rule 2: after 'members' insert 'and guests' and renumber accordingly and delete clause Rule 3."
>>> [x.op for x in parse_wording(w)]
['insert_words', 'delete_clause']
>>> from rulebook.amend.wording import write_wording
>>> write_wording(a)
"Chapter 4, Clause II.2.B.i: delete '20 per cent' and insert '10 per cent'"
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rulebook.amend.wording.grammar import parse_wording
from rulebook.amend.wording.labels import derived_id

if TYPE_CHECKING:
    from rulebook.amend.wording.writer import write_wording

__all__ = ["derived_id", "parse_wording", "write_wording"]


def __getattr__(name: str) -> Any:
    # The writer is loaded when first asked for: building a history reads motions'
    # wording but writes none (docs/architecture.md, "Speed").
    if name != "write_wording":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from rulebook.amend.wording.writer import write_wording

    globals()[name] = write_wording
    return write_wording

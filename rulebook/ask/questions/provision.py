"""``provision``: the value of one provision and the clause that carries it.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.ask.engine import ask
>>> v = loads('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses: [{id: fees, text: "15 pounds.", provisions: {fees.annual: 15}}]
... ''')
>>> ask(v, "provision", {"name": "fees.annual"}).answer["value"]
15
>>> a = ask(v, "provision", {"name": "fees.anual"})
>>> a.status, a.gaps[0].message
('undetermined', "no clause carries provision 'fees.anual'; did you mean 'fees.annual'?")
"""

from __future__ import annotations

from rulebook.ask.answer import Gap, Outcome
from rulebook.ask.facts import Fact
from rulebook.ask.registry import question
from rulebook.ask.view import ProvisionView

__all__ = ["provision"]


@question("provision", facts=("name",), required=("name",))
def provision(view: ProvisionView, facts: Fact) -> Outcome:
    """The value of provision ``name`` and the clause (citation and id) that carries it.

    Examples
    --------
    >>> from rulebook import loads
    >>> from rulebook.ask import ask
    >>> v = loads('''
    ... rulebook: party
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: sc, text: "Chosen by the PLP.",
    ...      provisions: {shadow_cabinet.selection: {plp: 1.0}, shadow_cabinet.size: 19}}
    ... ''')
    >>> a = ask(v, "provision", {"name": "shadow_cabinet.size"})
    >>> a.answer["value"], a.answer["clause"], a.answer["id"]
    (19, 'Rule 1', 'sc')
    """
    name = facts.require("name").text()
    where = view.clause_of(name)
    if where is None:
        near = view.nearest(name)
        hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        return Outcome({"name": name}, [Gap(f"no clause carries provision {name!r}{hint}", name)])
    return Outcome({"name": name, "value": view.get(name), "clause": where.citation, "id": where.id})

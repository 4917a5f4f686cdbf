"""Terms a user follows: `terms.csv` read into a `TermList`, and every mention of its terms in an article.

Modules in the order data flows through them: listing (the file), mentions (where each term occurs, with German
inflection). The tone towards each mention is framing.score.towards; the tables are framing.aggregate.terms.
"""

from framing.terms.listing import TERMS_FILE, Term, TermList, find_terms_file, load_terms, parse_terms
from framing.terms.mentions import Mention, find_mentions

__all__ = ["TERMS_FILE", "Mention", "Term", "TermList", "find_mentions", "find_terms_file", "load_terms",
           "parse_terms"]

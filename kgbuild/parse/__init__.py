"""Stage 2, parsing: a spaCy pipeline loaded and prepared for news, and the token table over a Doc.

``load`` loads any installed pipeline; ``news`` holds the fixes for news text (title abbreviations,
datelines, line-break sentence starts); ``memo`` the memoised attribute ruler and lemmatizer;
``tokens`` the array view of a parsed Doc that extraction and resolution read.
"""

from kgbuild.parse.load import DEFAULT_MODELS, load_model, prepare
from kgbuild.parse.tokens import TokenTable, table_of

__all__ = ["DEFAULT_MODELS", "TokenTable", "load_model", "prepare", "table_of"]

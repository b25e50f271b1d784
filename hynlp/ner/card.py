"""The model card written beside a trained model: data, licenses, metrics, command, hardware."""

from __future__ import annotations

LICENSES = {
    "msra": ("MSRA NER (SIGHAN 2006 bakeoff, MSRA track), via github.com/TVect/ChinNER",
             "no license stated for the data; distributed for research and evaluation by the SIGHAN 2006 "
             "bakeoff; treat as research-only"),
    "cluener": ("CLUENER2020 (CLUEbenchmark), arXiv:2001.04351",
                "no license stated; the source README asks for citation of arXiv:2001.04351; treat as "
                "research-only"),
}


def model_card(name: str, record: dict, command: str, evaluations: list[dict]) -> str:
    config = record["config"]
    lines = [
        f"# {name}",
        "",
        "A character-level Chinese NER model made by `hynlp train ner`: character, bigram and jieba",
        "word-boundary embeddings, a BiLSTM encoder and one CRF head per label scheme",
        f"({', '.join(record['sentences'])}). It is a `transformers` `PreTrainedModel` (model type",
        "`hynlp-char-ner`); `hynlp.store.ner_models.load_ner_model(path)` loads it with its vocabulary.",
        "",
        "## Training data and licenses (as the datasets' READMEs state them)",
        "",
    ]
    for scheme, counts in record["sentences"].items():
        source, license_text = LICENSES.get(scheme, (scheme, "see the dataset's README"))
        lines.append(f"- **{scheme}**: {source}. {counts['train']} training / {counts['dev']} held-out dev "
                     f"sentences. License: {license_text}.")
    lines += ["", "Files (SHA-256):", ""]
    lines += [f"- `{item['file']}` `{item['sha256']}`" for item in record["data"]]
    lines += ["", "Because the data is research-only, so is this model.", "", "## Metrics", "",
              "| dataset | scheme | sentences | P | R | F1 |", "|---|---|---:|---:|---:|---:|"]
    for ev in evaluations:
        lines.append(f"| {ev['dataset']} | {ev['scheme']} | {ev['sentences']} | {ev['precision']:.4f} | "
                     f"{ev['recall']:.4f} | {ev['f1']:.4f} |")
    for ev in evaluations:
        lines += ["", f"Per type on {ev['dataset']}:", "", "| type | P | R | F1 |", "|---|---:|---:|---:|"]
        lines += [f"| {t} | {m['precision']:.4f} | {m['recall']:.4f} | {m['f1']:.4f} |"
                  for t, m in ev["per_type"].items()]
    hardware = record["hardware"]
    lines += [
        "", "## How it was made", "",
        f"```\n{command}\n```", "",
        f"Seed {config['seed']}; best epoch {record['best_epoch']} of {len(record['history'])} by mean held-out "
        f"dev F1; {record['training_minutes']} minutes on {hardware['processor']} with "
        f"{hardware['torch_threads']} torch threads (torch {hardware['torch']}). The full configuration, data "
        "hashes and per-epoch history are in `training.json`.",
        "",
    ]
    return "\n".join(lines)

"""A linear-chain CRF over BIO tags, with invalid transitions ruled out.

Written here rather than taken from pytorch-crf because that package is
unmaintained since 2019 and has no way to forbid transitions: ``O -> I-X``
and ``B-X -> I-Y`` are impossible in BIO, and forbidding them both in
training and in decoding is what keeps every predicted span well formed.

>>> import torch
>>> crf = CRF(["O", "B-PER", "I-PER"])
>>> emissions = torch.tensor([[[0.0, 0.0, 5.0], [0.0, 0.0, 5.0]]])  # I-PER scores highest everywhere
>>> crf.decode(emissions, torch.ones(1, 2, dtype=torch.bool))
[[1, 2]]
"""

from __future__ import annotations

import torch
from torch import nn

IMPOSSIBLE = -1e4


def allowed_transitions(labels: list[str]) -> torch.Tensor:
    """``allowed[i, j]``: may tag j follow tag i? I-X only follows B-X or I-X."""
    size = len(labels)
    allowed = torch.ones(size, size, dtype=torch.bool)
    for j, tag in enumerate(labels):
        if tag.startswith("I-"):
            for i, previous in enumerate(labels):
                allowed[i, j] = previous[2:] == tag[2:] and previous[:2] in ("B-", "I-")
    return allowed


class CRF(nn.Module):
    def __init__(self, labels: list[str]):
        super().__init__()
        size = len(labels)
        self.transitions = nn.Parameter(torch.zeros(size, size))
        self.start = nn.Parameter(torch.zeros(size))
        self.end = nn.Parameter(torch.zeros(size))
        self.labels = list(labels)
        # Masks are made on first use, not in __init__: from_pretrained builds
        # the module on the meta device, where a buffer made here would hold
        # garbage once materialized (it is not in the checkpoint).
        self._masks: dict[torch.device, tuple[torch.Tensor, torch.Tensor]] = {}

    def _scores(self) -> tuple[torch.Tensor, torch.Tensor]:
        device = self.transitions.device
        if device not in self._masks:
            allowed = allowed_transitions(self.labels)
            starts = torch.tensor([IMPOSSIBLE if tag.startswith("I-") else 0.0 for tag in self.labels])
            self._masks[device] = (torch.where(allowed, 0.0, IMPOSSIBLE).to(device), starts.to(device))
        transition_mask, start_mask = self._masks[device]
        return self.transitions + transition_mask, self.start + start_mask

    def neg_log_likelihood(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean over the batch of -log p(tags | emissions). Masks are left-aligned (no holes)."""
        transitions, start = self._scores()
        return (self._log_partition(emissions, mask, transitions, start)
                - self._path_score(emissions, tags, mask, transitions, start)).mean()

    def _path_score(self, emissions, tags, mask, transitions, start) -> torch.Tensor:
        maskf = mask.float()
        emitted = emissions.gather(2, tags.unsqueeze(2)).squeeze(2)
        score = start[tags[:, 0]] + (emitted * maskf).sum(1)
        steps = transitions[tags[:, :-1], tags[:, 1:]] * maskf[:, 1:]
        last = tags.gather(1, (mask.long().sum(1) - 1).unsqueeze(1)).squeeze(1)
        return score + steps.sum(1) + self.end[last]

    def _log_partition(self, emissions, mask, transitions, start) -> torch.Tensor:
        alpha = start + emissions[:, 0]
        for t in range(1, emissions.size(1)):
            step = torch.logsumexp(alpha.unsqueeze(2) + transitions + emissions[:, t].unsqueeze(1), dim=1)
            alpha = torch.where(mask[:, t].unsqueeze(1), step, alpha)
        return torch.logsumexp(alpha + self.end, dim=1)

    @torch.no_grad()
    def decode(self, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        """The best tag path of each sequence (Viterbi), as many tags as the mask allows."""
        transitions, start = self._scores()
        score = start + emissions[:, 0]
        history = []
        for t in range(1, emissions.size(1)):
            best, index = (score.unsqueeze(2) + transitions).max(dim=1)
            history.append(index)
            score = torch.where(mask[:, t].unsqueeze(1), best + emissions[:, t], score)
        score = score + self.end
        lengths = mask.long().sum(1).tolist()
        last_tags = score.argmax(dim=1).tolist()
        # One array for the backtrace: indexing tensors element by element is slow.
        back = torch.stack(history, dim=1).cpu().numpy() if history else None
        paths = []
        for b, (length, tag) in enumerate(zip(lengths, last_tags)):
            path = [tag]
            for t in range(length - 1, 0, -1):
                tag = int(back[b, t - 1, tag])
                path.append(tag)
            paths.append(path[::-1])
        return paths

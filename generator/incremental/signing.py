"""Page signatures: one digest per output page of everything it is made from.

A page whose signature is what the live site's page had is not rendered again.
A signature covers the page's template and every template it uses (render.Templates
.dependencies), the template globals it names (declared with what they read), its
context (articles by what they show), and for pages that show bodies, those
articles' keys.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..content import Article
from .digests import context_token, digest, value_digest


def signatures(jobs: Sequence, templates, base: str, keys: dict[str, str], memo: dict[int, str],
               known: dict[str, str] | None = None) -> tuple[list[str], dict[str, str]]:
    """(signature of each job, signature before body keys of the jobs showing bodies).

    keys: each article's content key by path; memo: value_digest's, knowing the articles'
    tokens; known: the last build's signatures before body keys, when every context is the
    same as then, so only body keys are hashed.
    """
    global_digests: dict[str, str] = {}
    by_template: dict[str, tuple[str, tuple[str, ...]]] = {}  # template -> (its digest, its globals' digests)
    out: list[str] = []
    bodyless: dict[str, str] = {}
    known = known or {}
    for job in jobs:
        sig = known.get(job.path)
        if sig is None:
            fixed = by_template.get(job.template)
            if fixed is None:
                template_digest, used = templates.dependencies(job.template)
                for name in used:
                    if name not in global_digests:
                        global_digests[name] = value_digest(templates.global_input(name), memo)
                fixed = by_template[job.template] = (template_digest,
                                                     tuple(global_digests[name] for name in sorted(used)))
            sig = digest(base, job.path, fixed[0], context_token(job.context, memo), *fixed[1])
        if job.full:  # bodies shown: the articles' keys, not just what they show
            bodyless[job.path] = sig
            shown: list[str] = []
            for name in job.full:
                value = job.context[name]
                shown += [keys[value.path]] if isinstance(value, Article) else [keys[a.path] for a in value]
            sig = digest(sig, *shown)
        out.append(sig)
    return out, bodyless

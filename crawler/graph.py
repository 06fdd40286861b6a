"""A shop's link graph and the true shortest click distances over it.

The crawler follows links best-first, so a page is often first reached by a longer route than
its shortest one. The graph keeps every edge it saw; `shortest_paths` runs a breadth-first
search from the homepage when the shop is finished.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from w3lib.url import canonicalize_url


def url_key(url: str) -> str:
    """The identity of a URL inside one shop: canonical form, no fragment."""
    try:
        return canonicalize_url(url, keep_fragments=False)
    except (ValueError, UnicodeError):
        return url.split("#", 1)[0]


@dataclass(slots=True)
class PathInfo:
    clicks: int
    texts: list[str]  # link texts along the shortest path, homepage first


@dataclass
class LinkGraph:
    """Edges between URL keys, with the link text of the first sighting of each edge."""

    edges: dict[str, dict[str, str]] = field(default_factory=dict)  # from key -> {to key: text}
    aliases: dict[str, str] = field(default_factory=dict)  # final URL key -> requested URL key

    def add_edge(self, from_key: str, to_key: str, text: str) -> bool:
        """Record an edge; False when it was already known (the first text is kept)."""
        targets = self.edges.setdefault(from_key, {})
        if to_key in targets or to_key == from_key:
            return False
        targets[to_key] = text
        return True

    def alias(self, final_key: str, requested_key: str) -> None:
        """A page requested at one URL answered from another (a redirect): they are one node."""
        if final_key != requested_key:
            self.aliases.setdefault(final_key, requested_key)

    def node(self, key: str) -> str:
        return self.aliases.get(key, key)

    def __len__(self) -> int:
        return sum(len(t) for t in self.edges.values())

    def shortest_paths(self, root: str) -> dict[str, PathInfo]:
        """Fewest clicks (and the link texts on one such path) from root to every reachable node."""
        adjacency: dict[str, list[tuple[str, str]]] = {}
        for source, targets in self.edges.items():
            bucket = adjacency.setdefault(self.node(source), [])
            bucket.extend((self.node(target), text) for target, text in targets.items())
        root = self.node(root)
        out = {root: PathInfo(0, [])}
        queue = deque([root])
        while queue:
            current = queue.popleft()
            here = out[current]
            for target, text in adjacency.get(current, ()):
                if target not in out:
                    out[target] = PathInfo(here.clicks + 1, [*here.texts, text])
                    queue.append(target)
        return out

"""Pages nested deeper than the parsers downstream accept, flattened so their text is still found; pages of too
many elements refused before the costly stages.

Why: lexbor (selectolax) parses any depth, but lxml, which trafilatura uses, stops at a fixed depth (libxml2's
limit of 256) and returns nothing, so a page whose story sits under thousands of nested <div> was refused as
"no article text found". Nesting that deep carries no meaning: it is a broken template or a hostile page.
`flatten_deep` works on the lexbor tree, iteratively (no recursion anywhere), and only when the tree is deeper
than `MAX_DEPTH`: first it unwraps pure wrappers (an element whose only content is one element); if the tree
is still too deep, every element below `MAX_DEPTH` is unwrapped, with a line break in its place so that
blocks do not run together.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsgraph.errors import InputError

#: Trees deeper than this are flattened (well under libxml2's 256, so trafilatura still reads them).
MAX_DEPTH = 120


def _depths(tree: LexborHTMLParser) -> tuple[list[tuple[LexborNode, int]], int]:
    """Every element with its depth, in document order, and the maximum depth (one pass, no recursion)."""
    depth: dict[int, int] = {}
    out: list[tuple[LexborNode, int]] = []
    deepest = 0
    for node in tree.root.traverse(include_text=False):
        parent = node.parent
        d = depth.get(parent.mem_id, 0) + 1 if parent is not None else 0
        depth[node.mem_id] = d
        out.append((node, d))
        deepest = max(deepest, d)
    return out, deepest


def _is_wrapper(node: LexborNode) -> bool:
    """An element whose only content is a single element (whitespace aside)."""
    elements = 0
    child = node.child
    while child is not None:
        if child.tag == "-text":
            if (child.text_content or "").strip():
                return False
        elif child.tag != "-comment":
            elements += 1
            if elements > 1:
                return False
        child = child.next
    return elements == 1


def flatten_deep(tree: LexborHTMLParser, max_depth: int = MAX_DEPTH, input: str = "", max_elements: int = 0) -> bool:
    """Flatten `tree` in place when it is deeper than `max_depth`; True when it changed.

    With `max_elements`, a page of more elements is refused first (InputError naming the limit): the costly
    stages after this one (trafilatura, the density scorer) grow with the element count."""
    nodes, deepest = _depths(tree)
    if max_elements and len(nodes) > max_elements:
        raise InputError(input, f"too complex: {len(nodes):,} HTML elements (limit {max_elements:,}, "
                                "NEWSGRAPH_MAX_ELEMENTS)")
    if deepest <= max_depth:
        return False
    keep = {"html", "head", "body"}
    for node, _ in nodes:
        if node.tag not in keep and _is_wrapper(node):
            node.unwrap()
    nodes, deepest = _depths(tree)
    if deepest > max_depth:
        for node, d in reversed(nodes):  # innermost first, so each unwrap leaves the others in place
            if d > max_depth and node.tag not in keep:
                node.insert_before("\n")
                node.unwrap()
    return True

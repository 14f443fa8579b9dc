#!/usr/bin/python3
"""Regenerate the bundled sample corpus: corpus/sample/src/*.md -> corpus/sample/*.pdf

Run with Debian's interpreter (python3-gi, python3-gi-cairo, gir1.2-pango-1.0
and the fonts-crosextra-carlito, fonts-crosextra-caladea, fonts-liberation2,
fonts-dejavu-core packages):

    /usr/bin/python3 corpus/make_sample.py            # all sources
    /usr/bin/python3 corpus/make_sample.py NAME ...   # only these (file stems)

Every document is fictional. Output is deterministic: no randomness, and the
PDF creation date is either fixed by the source or blanked out.

Source markup (UTF-8, one file per PDF, NAME.md -> NAME.pdf)
------------------------------------------------------------
Front matter between two "---" lines, one "key: value" per line:

  title, subtitle      title-page title and second line (usually the child)
  partnership          printed in the title-page band
  line                 further title-page lines, in order (repeatable):
                       "Published: June 2022", "Independent reviewer: ..."
  type, year, child    descriptive only (expected.json holds the truth)
  font, size           body font family and size (Carlito, Caladea,
                       Liberation Sans, Liberation Serif, DejaVu Sans)
  head_font            heading font (default: font)
  colour               accent colour, hex "#1f3d73"
  line_spacing         multiple of the font's line height (default 1.15)
  para_gap             points between blocks (default 8)
  justify              yes | no
  hyphen               none | hard (U+002D) | unicode (U+2010): line-end
                       hyphenation of long words; real hyphens ("multi-agency")
                       may always break after the hyphen
  head_caps            yes: level-1 headings printed in capitals
  header               running header text ("" for none)
  header_align         left | center | right
  footer               page_of ("Page 3 of 9") | plain ("3") | dashes ("- 3 -")
                       | pipe ("3 | footer_text")
  footer_text          the text after the pipe
  footer_align         left | center | right
  bullet, bullet2      glyphs for "- " and "-- " items
  label_width          hanging indent of numbered paragraphs (points)
  margin               left and right page margins (points, default 70)
  note                 small italic line at the foot of the title page
  contents             yes: a contents page with dot leaders after the title
  table_widths         column fractions, "0.16,0.62,0.22"
  metadata             yes: PDF Title/Author/CreationDate from meta_title,
                       meta_author, created ("2022-06-14T10:00:00");
                       no: no Title/Author and the CreationDate blanked out

Body: blocks separated by blank lines; lines of one block are joined by a
space.  A block is, by its first characters:

  # 1. Introduction      level-1 heading (text as printed, number included)
  ## 4.2 Domestic abuse  level-2 heading;  ### level-3 heading
  4.12 Text ...          numbered paragraph: a leading "4.12" or "12." token
                         is printed as a hanging label
  {Finding 3} Text ...   paragraph with an arbitrary hanging label
  - item / -- item       bullets (one per line; a line starting with two
                         spaces continues the item above)
  > Learning point: ...  shaded box; the text up to the first ":" is bold
  | a | b | c |          table, one row per line, first row is the header
                         (repeated at the top of a continuation page)
  :: Term | definition   glossary entry, printed "Term – definition"
  [[columns]] ... [[/columns]]   two-column pages (start and end a page)
  [[pagebreak]]          start a new page
  anything else          plain paragraph
"""

import os
import re
import sys

import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402
import cairo  # noqa: E402

SCALE = Pango.SCALE
PAGE_W, PAGE_H = 595.28, 841.89  # A4
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sample", "src")
OUT = os.path.join(HERE, "sample")
FIXED_DATE = "2000-01-01T00:00:00"

NUM_RE = re.compile(r"^(\d+(?:\.\d+)+|\d+\.)\s+")
LABEL_RE = re.compile(r"^\{([^}]+)\}\s+")

# Where long words may take a line-end hyphen: explicit points first, then
# a suffix rule.  Only words of 10+ letters are considered;
# others never break.
HYPH = {
    "safeguarding": 4, "professional": 6, "professionals": 6, "information": 5,
    "assessment": 6, "assessments": 6, "practitioners": 6, "practitioner": 6,
    "responsibility": 8, "relationship": 8, "circumstances": 6,
    "organisations": 6, "vulnerability": 6, "communication": 7,
    "understanding": 5, "exploitation": 6, "appointments": 7,
    "recommendations": 8, "recommendation": 8, "intervention": 5,
    "supervision": 5, "management": 6, "consideration": 8, "significant": 7,
    "notification": 6, "environment": 7, "development": 7, "independent": 4,
    "attendance": 5, "investigation": 7, "partnership": 7, "experience": 6,
    "experiences": 6, "particularly": 7, "difficulties": 5, "opportunities": 5,
    "opportunity": 5, "arrangements": 7, "identified": 6, "conference": 6,
    "conversation": 6, "accommodation": 7, "escalation": 4, "chronology": 5,
    "coordination": 6, "presentation": 6, "involvement": 7,
    "considered": 6, "documented": 4, "recognised": 5, "recognise": 5, "registered": 5, "vulnerable": 6,
    "understood": 5, "themselves": 4, "discussion": 3, "disability": 3,
}
SUFFIXES = ["isation", "ation", "ition", "ments", "ment", "ness", "ities",
            "ility", "ence", "ance", "ship", "ible", "able", "ised", "ising"]


def soft_hyphens(text):
    def sub(m):
        w = m.group(0)
        lw = w.lower()
        i = HYPH.get(lw)
        if i is None:
            i = next((len(w) - len(s) for s in SUFFIXES
                      if lw.endswith(s) and len(w) - len(s) >= 5), None)
        return w if i is None else w[:i] + "\u00ad" + w[i:]
    return re.sub(r"[A-Za-z]{10,}", sub, text)


# ---------------------------------------------------------------- parsing

def parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[0] != "---":
        raise SystemExit(f"{path}: no front matter")
    end = lines.index("---", 1)
    meta = {"line": []}
    for ln in lines[1:end]:
        if not ln.strip() or ln.startswith("#"):
            continue
        k, _, v = ln.partition(":")
        k, v = k.strip(), v.strip()
        if len(v) >= 2 and v[0] == v[-1] == '"':
            v = v[1:-1]
        if k == "line":
            meta["line"].append(v)
        else:
            meta[k] = v
    blocks, cur = [], []
    for ln in lines[end + 1:] + [""]:
        if ln.strip():
            cur.append(ln.rstrip())
        elif cur:
            blocks.append(cur)
            cur = []
    return meta, [b for blk in blocks for b in classify(blk)]


def classify(lines):
    first = lines[0]
    if first.startswith("[[") and len(lines) == 1:
        return [("directive", first.strip("[]"))]
    m = re.match(r"^(#{1,3}) (.*)", first)
    if m:
        return [("heading", len(m.group(1)), " ".join([m.group(2)] + lines[1:]))]
    if first.startswith("- ") or first.startswith("-- "):
        items = []
        for ln in lines:
            if ln.startswith("  ") and items:
                items[-1] = (items[-1][0], items[-1][1] + " " + ln.strip())
            else:
                lvl = 1 if ln.startswith("-- ") else 0
                items.append((lvl, ln[3 if lvl else 2:].strip()))
        return [("bullet", lvl, t) for lvl, t in items]
    if first.startswith("> "):
        return [("box", " ".join(ln[2:].strip() for ln in lines))]
    if first.startswith("|"):
        rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines]
        return [("table", rows)]
    if first.startswith(":: "):
        out = []
        for ln in lines:
            term, _, d = ln[3:].partition("|")
            out.append(("gloss", term.strip(), d.strip()))
        return out
    text = " ".join(ln.strip() for ln in lines)
    m = LABEL_RE.match(text) or NUM_RE.match(text)
    if m:
        return [("para", m.group(1), text[m.end():])]
    return [("para", None, text)]


# ---------------------------------------------------------------- layout

class Style:
    def __init__(self, m):
        yes = lambda k, d="no": m.get(k, d) == "yes"  # noqa: E731
        self.font = m.get("font", "Carlito")
        self.size = float(m.get("size", "11"))
        self.head_font = m.get("head_font", self.font)
        c = m.get("colour", "#1f3d73").lstrip("#")
        self.colour = tuple(int(c[i:i + 2], 16) / 255 for i in (0, 2, 4))
        self.line_spacing = float(m.get("line_spacing", "1.15"))
        self.para_gap = float(m.get("para_gap", "8"))
        self.justify = yes("justify")
        self.hyphen = {"none": None, "hard": "-", "unicode": "\u2010"}[m.get("hyphen", "none")]
        self.head_caps = yes("head_caps")
        self.bullet = m.get("bullet", "\u2022")
        self.bullet2 = m.get("bullet2", "\u25e6")
        self.label_width = float(m.get("label_width", "36"))
        self.margin_l = self.margin_r = float(m.get("margin", "70"))
        self.top, self.bottom = 84.0, PAGE_H - 80.0
        ws = m.get("table_widths", "0.16,0.62,0.22")
        self.table_widths = [float(x) for x in ws.split(",")]


class Flow:
    """Lays blocks out on pages; a page is a list of drawing items."""

    def __init__(self, cr, st):
        self.st = st
        self.ctx = PangoCairo.create_context(cr)
        fo = cairo.FontOptions()
        fo.set_hint_metrics(cairo.HINT_METRICS_OFF)
        fo.set_hint_style(cairo.HINT_STYLE_NONE)
        PangoCairo.context_set_font_options(self.ctx, fo)
        self.x0, self.x1 = st.margin_l, PAGE_W - st.margin_r
        self.pages = []
        self.y = st.top
        self.cols = None  # (column index, column width) in two-column mode
        self.toc = []  # (level, text, body page index)
        self._widths = {}

    # -- primitives
    def fd(self, family, size, bold=False, italic=False):
        f = Pango.FontDescription.new()
        f.set_family(family)
        f.set_size(int(size * SCALE))
        if bold:
            f.set_weight(Pango.Weight.BOLD)
        if italic:
            f.set_style(Pango.Style.ITALIC)
        return f

    def layout(self, text, fd, width=None, align=None, bold_bytes=0, justify=False):
        L = Pango.Layout.new(self.ctx)
        L.set_font_description(fd)
        if width is not None:
            L.set_width(int(width * SCALE))
            L.set_wrap(Pango.WrapMode.WORD)
        if align:
            L.set_alignment({"center": Pango.Alignment.CENTER, "right": Pango.Alignment.RIGHT,
                             "left": Pango.Alignment.LEFT}[align])
        if justify:
            L.set_justify(True)
            L.set_justify_last_line(True)
        L.set_text(text, -1)
        if bold_bytes:
            al = Pango.AttrList()
            a = Pango.attr_weight_new(Pango.Weight.BOLD)
            a.start_index, a.end_index = 0, bold_bytes
            al.insert(a)
            L.set_attributes(al)
        return L

    def width_of(self, text, fd):
        key = (fd.to_string(), text)
        w = self._widths.get(key)
        if w is None:
            w = self.layout(text, fd).get_extents()[1].width / SCALE
            self._widths[key] = w
        return w

    def metrics(self, fd):
        L = self.layout("Hg", fd)
        return L.get_extents()[1].height / SCALE, L.get_baseline() / SCALE

    def page(self):
        if not self.pages:
            self.new_page()
        return self.pages[-1]

    def new_page(self):
        self.pages.append([])
        self.y = self.st.top
        if self.cols:
            self.cols = (0, self.cols[1])

    def region(self):
        if self.cols:
            i, w = self.cols
            return self.x0 + i * (w + 24), w
        return self.x0, self.x1 - self.x0

    def next_region(self):
        if self.cols and self.cols[0] == 0:
            self.cols = (1, self.cols[1])
            self.y = self.st.top
        else:
            self.new_page()

    def ensure(self, h):
        self.page()
        if self.y + h > self.st.bottom:
            self.next_region()

    # -- line breaking
    def wrap(self, text, fd, width):
        """Greedy breaking at spaces, after real hyphens, and at U+00AD points
        (which print the style's hyphen).  Returns [(line, is_last)]."""
        sp = self.width_of("a b", fd) - self.width_of("ab", fd)
        hy = self.st.hyphen
        out, cur, curw = [], [], 0.0
        for word in text.split():
            clean = word.replace("\u00ad", "")
            w = self.width_of(clean, fd)
            if not cur or curw + sp + w <= width:
                curw = w if not cur else curw + sp + w
                cur.append(clean)
                continue
            split = self._split(word, clean, fd, width - curw - sp, hy)
            if split:
                head, rest = split
                cur.append(head)
                out.append(" ".join(cur))
                cur, curw = [rest], self.width_of(rest, fd)
                continue
            out.append(" ".join(cur))
            cur, curw = [clean], w
        if cur:
            out.append(" ".join(cur))
        return [(t, i == len(out) - 1) for i, t in enumerate(out)]

    def _split(self, word, clean, fd, room, hy):
        if "-" in clean[1:-1]:
            parts = clean.split("-")
            for k in range(len(parts) - 1, 0, -1):
                head = "-".join(parts[:k]) + "-"
                if self.width_of(head, fd) <= room:
                    return head, "-".join(parts[k:])
        if hy and "\u00ad" in word:
            a, b = word.split("\u00ad", 1)
            a, b = a.replace("\u00ad", ""), b.replace("\u00ad", "")
            if self.width_of(a + hy, fd) <= room and len(b) >= 3 and len(a) >= 3:
                return a + hy, b
        return None

    # -- blocks
    def text_block(self, text, fd, indent=0.0, label=None, label_fd=None, gap=None, bold=""):
        """bold: a prefix of text printed bold (wrapping leaves it some slack)."""
        st = self.st
        x, w = self.region()
        if st.hyphen:
            text = soft_hyphens(text)
        lines = self.wrap(text, fd, w - indent - (10 if bold else 0))
        h, asc = self.metrics(fd)
        lh = h * st.line_spacing
        self.ensure(lh * min(2, len(lines)))
        for i, (t, last) in enumerate(lines):
            if self.y + lh > st.bottom:
                self.next_region()
            x, w = self.region()
            nb = len(bold.encode()) if i == 0 and t.startswith(bold) else 0
            L = self.layout(t, fd, w - indent, justify=st.justify and not last and not bold,
                            bold_bytes=nb)
            base = self.y + (lh - h) / 2
            self.page().append(("layout", x + indent, base, L, (0, 0, 0)))
            if i == 0 and label:
                # numbered labels hang at the left edge; bullet glyphs sit 16pt before the text
                LL = self.layout(label, label_fd or fd)
                self.page().append(("layout", x + (indent - st.label_width if label_fd is None else
                                                   indent - 16), base + asc - LL.get_baseline() / SCALE,
                                    LL, (0, 0, 0)))
            self.y += lh
        self.y += st.para_gap if gap is None else gap

    def heading(self, level, text):
        st = self.st
        size = st.size + {1: 5, 2: 2.5, 3: 1}[level]
        if level == 1 and st.head_caps:
            text = text.upper()
        fd = self.fd(st.head_font, size, bold=True)
        x, w = self.region()
        L = self.layout(text, fd, w)
        h = L.get_extents()[1].height / SCALE
        if self.y > st.top:
            self.y += 10 if level == 1 else 5
        self.ensure(h + 3 * st.size * 1.3)
        x, w = self.region()
        self.toc.append((level, text, len(self.pages) - 1))
        self.page().append(("layout", x, self.y, L, st.colour))
        self.y += h + (7 if level == 1 else 4)

    def para(self, label, text):
        fd = self.fd(self.st.font, self.st.size)
        if label is None:
            self.text_block(text, fd)
        else:
            self.text_block(text, fd, indent=self.st.label_width, label=label,
                            label_fd=None)

    def bullet(self, level, text, last):
        st = self.st
        fd = self.fd(st.font, st.size)
        glyph = st.bullet2 if level else st.bullet
        self.text_block(text, fd, indent=32 + 22 * level, label=glyph,
                        label_fd=self.fd("DejaVu Sans", st.size - 1.5),
                        gap=st.para_gap if last else 3)

    def box(self, text):
        st = self.st
        x, w = self.region()
        pad = 10
        fd = self.fd(st.font, st.size)
        bold = len(text[:text.index(":") + 1].encode()) if ":" in text else 0
        L = self.layout(text, fd, w - 2 * pad, bold_bytes=bold)
        L.set_line_spacing(st.line_spacing)
        h = L.get_extents()[1].height / SCALE + 2 * pad
        self.y += 4
        self.ensure(h)
        x, w = self.region()
        light = tuple(0.9 + 0.1 * c for c in st.colour)
        self.page().append(("rect", x, self.y, w, h, light, True))
        self.page().append(("rect", x, self.y, 3, h, st.colour, True))
        self.page().append(("layout", x + pad, self.y + pad, L, (0, 0, 0)))
        self.y += h + st.para_gap + 4

    def table(self, rows):
        st = self.st
        x, w = self.region()
        fs = st.size - 1.5
        pad = 4
        cols = [w * f for f in st.table_widths]

        def build(cells, bold):
            fd = self.fd(st.font, fs, bold=bold)
            lays = [self.layout(c, fd, cw - 2 * pad) for c, cw in zip(cells, cols)]
            return lays, max(L.get_extents()[1].height / SCALE for L in lays) + 2 * pad

        def place(lays, hh, header):
            if header:
                self.page().append(("rect", x, self.y, w, hh,
                                    tuple(0.78 + 0.22 * c for c in st.colour), True))
            xx = x
            for L, cw in zip(lays, cols):
                self.page().append(("layout", xx + pad, self.y + pad, L, (0, 0, 0)))
                self.page().append(("rect", xx, self.y, cw, hh, (0.35, 0.35, 0.35), False))
                xx += cw
            self.y += hh

        head = build(rows[0], True)
        self.y += 4
        self.ensure(head[1] * 3)
        place(*head, True)
        for row in rows[1:]:
            lays, hh = build(row, False)
            if self.y + hh > st.bottom:
                self.new_page()
                place(*build(rows[0], True), True)
            place(lays, hh, False)
        self.y += st.para_gap + 4

    def gloss(self, term, definition):
        fd = self.fd(self.st.font, self.st.size)
        text = f"{term} \u2013 {definition}"
        self.text_block(text, fd, gap=6, bold=term)

    def run(self, blocks):
        for i, b in enumerate(blocks):
            kind = b[0]
            if kind == "heading":
                self.heading(b[1], b[2])
            elif kind == "para":
                self.para(b[1], b[2])
            elif kind == "bullet":
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                self.bullet(b[1], b[2], last=not (nxt and nxt[0] == "bullet"))
            elif kind == "box":
                self.box(b[1])
            elif kind == "table":
                self.table(b[1])
            elif kind == "gloss":
                self.gloss(b[1], b[2])
            elif b == ("directive", "columns"):
                if self.page():
                    self.new_page()
                self.cols = (0, (self.x1 - self.x0 - 24) / 2)
            elif b == ("directive", "/columns"):
                self.cols = None
                self.new_page()
            elif b == ("directive", "pagebreak"):
                self.new_page()
            else:
                raise SystemExit(f"unknown block {b!r}")
        while self.pages and not self.pages[-1]:
            self.pages.pop()


# ---------------------------------------------------------------- render

def draw_items(cr, items):
    for it in items:
        if it[0] == "layout":
            _, x, y, L, col = it
            cr.set_source_rgb(*col)
            cr.move_to(x, y)
            PangoCairo.show_layout(cr, L)
        else:
            _, x, y, w, h, col, fill = it
            cr.set_source_rgb(*col)
            cr.rectangle(x, y, w, h)
            if fill:
                cr.fill()
            else:
                cr.set_line_width(0.5)
                cr.stroke()


def footer_text(m, n, total):
    style = m.get("footer", "page_of")
    return {"page_of": f"Page {n} of {total}", "plain": str(n), "dashes": f"- {n} -",
            "pipe": f"{n} | {m.get('footer_text', '')}"}[style]


def title_page(cr, fl, m):
    st = fl.st
    cr.set_source_rgb(*st.colour)
    cr.rectangle(0, 0, PAGE_W, 150)
    cr.fill()
    L = fl.layout(m.get("partnership", ""), fl.fd(st.head_font, 15, bold=True), fl.x1 - fl.x0)
    cr.set_source_rgb(1, 1, 1)
    cr.move_to(fl.x0, 60)
    PangoCairo.show_layout(cr, L)
    y = 250.0
    for text, size, bold, col in ((m.get("title", ""), 24, True, st.colour),
                                  (m.get("subtitle", ""), 19, True, st.colour)):
        if not text:
            continue
        L = fl.layout(text, fl.fd(st.head_font, size, bold=bold), fl.x1 - fl.x0)
        cr.set_source_rgb(*col)
        cr.move_to(fl.x0, y)
        PangoCairo.show_layout(cr, L)
        y += L.get_extents()[1].height / SCALE + 18
    y += 10
    for text in m["line"]:
        L = fl.layout(text, fl.fd(st.font, 12.5), fl.x1 - fl.x0)
        cr.set_source_rgb(0.15, 0.15, 0.15)
        cr.move_to(fl.x0, y)
        PangoCairo.show_layout(cr, L)
        y += L.get_extents()[1].height / SCALE + 8
    if m.get("note"):
        L = fl.layout(m["note"], fl.fd(st.font, 9.5, italic=True), fl.x1 - fl.x0)
        cr.set_source_rgb(0.3, 0.3, 0.3)
        cr.move_to(fl.x0, PAGE_H - 100)
        PangoCairo.show_layout(cr, L)


def contents_page(cr, fl, first_body):
    st = fl.st
    fd = fl.fd(st.font, st.size)
    L = fl.layout("Contents", fl.fd(st.head_font, st.size + 5, bold=True))
    cr.set_source_rgb(*st.colour)
    cr.move_to(fl.x0, st.top)
    PangoCairo.show_layout(cr, L)
    y = st.top + 40
    dot = fl.width_of(".", fd)
    for level, text, idx in fl.toc:
        if level > 2:
            continue
        ind = 0 if level == 1 else 18
        f = fl.fd(st.font, st.size, bold=level == 1)
        tw = fl.width_of(text, f)
        num = str(first_body + idx)
        nw = fl.width_of(num, fd)
        gap = fl.x1 - fl.x0 - ind - tw - nw - 10
        cr.set_source_rgb(0, 0, 0)
        for t, x, ff in ((text, fl.x0 + ind, f), ("." * max(3, int(gap / dot)), fl.x0 + ind + tw + 5, fd),
                         (num, fl.x1 - nw, fd)):
            cr.move_to(x, y)
            PangoCairo.show_layout(cr, fl.layout(t, ff))
        y += st.size * 1.9


def build(name):
    meta, blocks = parse(os.path.join(SRC, name + ".md"))
    st = Style(meta)
    path = os.path.join(OUT, name + ".pdf")
    surface = cairo.PDFSurface(path, PAGE_W, PAGE_H)
    with_meta = meta.get("metadata") == "yes"
    if with_meta:
        surface.set_metadata(cairo.PDFMetadata.TITLE, meta.get("meta_title", meta.get("title", "")))
        surface.set_metadata(cairo.PDFMetadata.AUTHOR, meta.get("meta_author", ""))
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, meta.get("created", FIXED_DATE)
                         if with_meta else FIXED_DATE)
    cr = cairo.Context(surface)
    fl = Flow(cr, st)
    fl.run(blocks)
    has_toc = meta.get("contents") == "yes"
    first_body = 3 if has_toc else 2
    total = first_body - 1 + len(fl.pages)
    small = fl.fd(st.font, 8.5)

    def furniture(n):
        grey = (0.35, 0.35, 0.35)
        w = fl.x1 - fl.x0
        if meta.get("header"):
            L = fl.layout(meta["header"], small, w, align=meta.get("header_align", "left"))
            draw_items(cr, [("layout", fl.x0, 42, L, grey)])
            cr.set_source_rgb(*grey)
            cr.set_line_width(0.4)
            cr.move_to(fl.x0, 58)
            cr.line_to(fl.x1, 58)
            cr.stroke()
        L = fl.layout(footer_text(meta, n, total), small, w, align=meta.get("footer_align", "center"))
        draw_items(cr, [("layout", fl.x0, PAGE_H - 50, L, grey)])

    title_page(cr, fl, meta)
    cr.show_page()
    if has_toc:
        furniture(2)
        contents_page(cr, fl, first_body)
        cr.show_page()
    for i, items in enumerate(fl.pages):
        furniture(first_body + i)
        draw_items(cr, items)
        cr.show_page()
    surface.finish()
    if not with_meta:
        with open(path, "rb") as f:
            data = f.read()
        data = re.sub(rb"/CreationDate \([^)]*\)", lambda mm: b" " * len(mm.group(0)), data)
        with open(path, "wb") as f:
            f.write(data)
    return total


def main(argv):
    names = argv or sorted(f[:-3] for f in os.listdir(SRC) if f.endswith(".md"))
    for n in names:
        pages = build(n)
        size = os.path.getsize(os.path.join(OUT, n + ".pdf"))
        print(f"{n}.pdf: {pages} pages, {size // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1:])

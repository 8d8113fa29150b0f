"""The scripts Copydesk runs in its isolated world on the preview page.

They answer with strings ("patched", "mismatch" …): PySide6 mis-counts references to the
True and False it hands to runJavaScript callbacks, which crashes the interpreter at exit.
"""

from __future__ import annotations

import json

from copydesk.rendering.body_patch import BodyPatch

# After the DOM changed, the next scroll event is the page settling, not the reader: say so
# to the sync script so it does not echo back to the editor.
_SETTLED = "if (window.copydesk) { window.copydesk.ignoreY = window.scrollY; }"
# After a patch, the same without reading scrollY: that read forces a layout of the whole
# page inside the patch, which costs milliseconds on a long article. The next scroll event,
# if any, is taken as the page settling.
_PATCH_SETTLED = 'if (window.copydesk) { window.copydesk.ignoreY = "next"; }'

_SHOW = """(function () {
  var page = document.getElementById("cd-page");
  if (!page) { return "missing"; }
  page.innerHTML = %(html)s;
  document.title = %(title)s;
  document.documentElement.lang = %(lang)s;
  %(settled)s
  return "patched";
})()"""

_PATCH = """(function (patch) {
  var body = document.getElementById("cd-body");
  if (!body) { return "missing"; }
  var blocks = body.children;
  for (var i = 0; i < patch.ops.length; i++) {
    var kind = patch.ops[i][0], index = patch.ops[i][1], html = patch.ops[i][2];
    if (kind === "insert" && index <= blocks.length) {
      var block = document.createElement("div");
      block.className = "cd-block";
      block.innerHTML = html;
      body.insertBefore(block, blocks[index] || null);
    } else if (kind === "replace" && index < blocks.length) {
      blocks[index].innerHTML = html;
    } else if (kind === "remove" && index < blocks.length) {
      body.removeChild(blocks[index]);
    } else {
      return "mismatch";
    }
  }
  if (blocks.length !== patch.lines.length) { return "mismatch"; }
  for (var j = 0; j < blocks.length; j++) {  // lines shift after an Enter: set what moved
    var line = String(patch.lines[j]);
    if (blocks[j].getAttribute("data-line") !== line) { blocks[j].setAttribute("data-line", line); }
  }
  %(settled)s
  return "patched";
})(%(patch)s)"""


def show_script(article_html: str, language: str, title: str) -> str:
    """Replace the page's content in place (no reload: the scroll position stays)."""
    return _SHOW % {
        "html": json.dumps(article_html),
        "title": json.dumps(title),
        "lang": json.dumps(language),
        "settled": _SETTLED,
    }


def patch_script(patch: BodyPatch) -> str:
    """Apply a renderer's patch to ``#cd-body``; "mismatch" if the page was not the one the
    patch was computed against (the caller then shows the full article)."""
    return _PATCH % {"patch": patch.to_json(), "settled": _PATCH_SETTLED}


def scroll_script(line: int, fraction: float) -> str:
    call = f"window.copydesk.scrollToLine({int(line)}, {float(fraction)})"
    return f"window.copydesk ? {call} : 'missing'"


# Installed at document creation, after qwebchannel.js, in the same isolated world. Blocks are
# the element children of #cd-body in source order, so both lookups are binary searches.
SYNC_SCRIPT = """(function () {
  "use strict";
  var cd = window.copydesk = { bridge: null, ignoreY: null };

  function blocks() {
    var body = document.getElementById("cd-body");
    return body ? body.children : [];
  }
  function lineOf(block) { return parseInt(block.getAttribute("data-line"), 10) || 0; }
  function topOf(block) { return block.getBoundingClientRect().top + window.scrollY; }
  function lastIndex(list, fits) {  // the last index whose block fits, or -1
    var low = 0, high = list.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (fits(list[middle])) { found = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return found;
  }
  // A block spans from its top to the next block's top (margins included) and from its
  // line to the next block's line: positions inside are interpolated between the two.
  function span(list, i) {
    var top = topOf(list[i]);
    if (i + 1 < list.length) {
      return { top: top, height: topOf(list[i + 1]) - top, line: lineOf(list[i]),
               lines: lineOf(list[i + 1]) - lineOf(list[i]) };
    }
    return { top: top, height: list[i].getBoundingClientRect().height, line: lineOf(list[i]),
             lines: 1 };
  }

  cd.scrollToLine = function (line, fraction) {
    var list = blocks();
    var i = lastIndex(list, function (b) { return lineOf(b) <= line; });
    var y = 0;  // before the first block: the top of the page, headline included
    if (i >= 0 && !(i === 0 && line <= lineOf(list[0]))) {
      var s = span(list, i);
      var within = s.lines > 0 ? Math.min(1, (line - s.line) / s.lines) : 0;
      y = s.top + within * s.height - fraction * window.innerHeight;
    }
    window.scrollTo(0, Math.max(0, y));
    cd.ignoreY = window.scrollY;  // the scroll event this causes is ours, not the reader's
    return "scrolled";
  };

  cd.lineAtTop = function () {
    var list = blocks(), y = window.scrollY;
    var i = lastIndex(list, function (b) { return topOf(b) <= y + 1; });
    if (i < 0) { return 0; }
    var s = span(list, i);
    var within = s.height > 0 ? Math.min(1, (y - s.top) / s.height) : 0;
    return s.line + Math.max(0, within) * s.lines;
  };

  // Chromium sends at most one scroll event per frame. No timers to coalesce them further:
  // with the page's JavaScript off, setTimeout never fires, even in this world.
  window.addEventListener("scroll", function () {
    if (cd.ignoreY === "next") { cd.ignoreY = null; return; }
    if (cd.ignoreY !== null && Math.abs(window.scrollY - cd.ignoreY) < 2) { return; }
    cd.ignoreY = null;
    if (cd.bridge) { cd.bridge.report_scroll(cd.lineAtTop()); }
  }, { passive: true });

  document.addEventListener("click", function (event) {
    var block = event.target && event.target.closest ? event.target.closest(".cd-block") : null;
    if (block && cd.bridge) { cd.bridge.report_click(lineOf(block)); }
  }, true);

  new QWebChannel(qt.webChannelTransport, function (channel) {
    cd.bridge = channel.objects.copydesk;
    cd.bridge.report_ready();
  });
})();"""

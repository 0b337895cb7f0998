/* The social kit's live counters and copy buttons.
 *
 * Counts exactly as podium does when it writes the teasers (plugins/teasers/urls.py,
 * counting.py, networks.py): same link detection, same weights, same limits. The data
 * that changes from build to build (limits, top-level domains) comes from kit-data.js.
 */
(function () {
  "use strict";

  var DATA = window.PODIUM_COUNTING;
  if (!DATA) { return; }
  var TLDS = new Set(DATA.tlds);

  // ---- links, found the way X's autolinker finds them (see urls.py) ----
  var SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
  var INVALID = "\ufffe\ufeff\uffff";
  var NOT_DOMAIN = "!'#%&()*+,\\\\\\-./:;<=>?@\\[\\]^_{|}~$\"`" + SPACES + INVALID;
  var DC = "[^" + NOT_DOMAIN + "]";
  var CANDIDATE = new RegExp("(?<![A-Za-z0-9@\\uff20$#\\uff03" + INVALID + "])(?:(?<!" + DC + ")|(?=https?:\\/\\/))(https?:\\/\\/)?(" + DC +
    "(?:[\\-_]*" + DC + ")*(?:\\." + DC + "(?:[\\-_]*" + DC + ")*)+)", "giu");
  var SPACE_CHAR = new RegExp("[" + SPACES + "]", "u");
  var LATIN = "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263" +
    "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff";
  var ACCENTED = new RegExp("[" + LATIN + "\u0400-\u04ff]", "u");
  var ASCII_RUN = new RegExp("[\\-A-Za-z0-9" + LATIN + "]+(?:\\.[\\-A-Za-z0-9" + LATIN + "]+)+", "gu");
  var LETTERS = /^[\p{L}\p{M}]{2,}$/u;
  var PATH_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*';:=+,.$/%#[]-\u2013_~@|&";
  var PATH_END = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-=_#/";
  var QUERY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!?*'@();:&=+$/%#[]-_.,~|";
  var QUERY_END = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_&=#/";
  var LABEL_MAX = 63;

  function isPathChar(ch) { return PATH_CHARS.indexOf(ch) >= 0 || ACCENTED.test(ch); }
  function isPathEnd(ch) { return PATH_END.indexOf(ch) >= 0 || ACCENTED.test(ch); }
  function isAsciiAlnum(ch) { return /^[A-Za-z0-9]$/.test(ch); }

  // Punycode (RFC 3492), only to know how long a label is once encoded.
  function punycodeLength(label) {
    var cps = Array.from(label, function (c) { return c.codePointAt(0); });
    var out = cps.filter(function (c) { return c < 128; }).length;
    var basic = out, handled = basic, n = 128, delta = 0, bias = 72, length = out + (basic > 0 ? 1 : 0);
    function adapt(d, count, first) {
      d = first ? Math.floor(d / 700) : d >> 1;
      d += Math.floor(d / count);
      var k = 0;
      while (d > 455) { d = Math.floor(d / 35); k += 36; }
      return k + Math.floor(36 * d / (d + 38));
    }
    while (handled < cps.length) {
      var m = Infinity;
      cps.forEach(function (c) { if (c >= n && c < m) { m = c; } });
      delta += (m - n) * (handled + 1);
      n = m;
      cps.forEach(function (c) {
        if (c < n) { delta += 1; }
        if (c === n) {
          var q = delta;
          for (var k = 36; ; k += 36) {
            var t = k <= bias ? 1 : (k >= bias + 26 ? 26 : k - bias);
            if (q < t) { break; }
            length += 1;
            q = Math.floor((q - t) / (36 - t));
          }
          length += 1;
          bias = adapt(delta, handled + 1, handled === basic);
          delta = 0;
          handled += 1;
        }
      });
      delta += 1;
      n += 1;
    }
    return length;
  }

  function encodedLength(label) {
    return /^[\x00-\x7f]*$/.test(label) ? label.length : 4 + punycodeLength(label);
  }

  function tldOf(label, lenient) {
    var low = label.toLowerCase();
    if (TLDS.has(low) || (low.indexOf("xn--") === 0 && low.length > 4)) { return label; }
    if (lenient && LETTERS.test(label)) { return label; }
    for (var size = label.length - 1; size > 1; size--) {
      var head = label.slice(0, size), next = label[size];
      if (TLDS.has(head.toLowerCase()) && !(isAsciiAlnum(next) || next === "@")) { return head; }
    }
    return null;
  }

  function resolveHost(host, lenient) {
    var labels = host.split(".");
    for (var count = labels.length; count > 1; count--) {
      var tld = tldOf(labels[count - 1], lenient);
      if (tld === null) { continue; }
      var chosen = labels.slice(0, count - 1).concat([tld]);
      var name = chosen[chosen.length - 2];
      if (name.indexOf("_") >= 0 || name[0] === "-" || name[name.length - 1] === "-") { continue; }
      if (chosen.some(function (l) { return encodedLength(l) > LABEL_MAX; })) { return { domain: null, tooLong: true }; }
      return { domain: chosen.join("."), tooLong: false };
    }
    return { domain: null, tooLong: false };
  }

  function pathEnd(text, pos) {
    var i = pos + 1, depth = 0, opened = [];
    while (i < text.length) {
      var ch = text[i];
      if (ch === "(" && depth < 2) { depth += 1; opened.push(i); }
      else if (ch === ")" && depth > 0) { depth -= 1; opened.pop(); }
      else if (!isPathChar(ch)) { break; }
      i += 1;
    }
    if (opened.length) { i = opened[0]; }
    while (i > pos + 1 && !(isPathEnd(text[i - 1]) || text[i - 1] === ")")) { i -= 1; }
    return i;
  }

  function queryEnd(text, pos) {
    var i = pos + 1;
    while (i < text.length && QUERY_CHARS.indexOf(text[i]) >= 0) { i += 1; }
    while (i > pos + 1 && QUERY_END.indexOf(text[i - 1]) < 0) { i -= 1; }
    return i > pos + 1 ? i : pos;
  }

  function tailEnd(text, pos) {
    if (pos < text.length - 1 && text[pos] === ":" && /[0-9]/.test(text[pos + 1])) {
      pos += 1;
      while (pos < text.length && /[0-9]/.test(text[pos])) { pos += 1; }
    }
    var hasPath = false;
    if (pos < text.length && text[pos] === "/") { pos = pathEnd(text, pos); hasPath = true; }
    if (pos < text.length && text[pos] === "?") {
      var end = queryEnd(text, pos);
      hasPath = hasPath || end > pos;
      pos = end;
    }
    return { end: pos, hasPath: hasPath };
  }

  function bareLinks(text, start, domain) {
    var links = [], runs = Array.from(domain.matchAll(ASCII_RUN));
    runs.forEach(function (run, number) {
      var body = run[0], stripped = body.replace(/^-+|-+$/g, "");
      var found = resolveHost(stripped, false).domain;
      if (!found) { return; }
      var lead = body.length - body.replace(/^-+/, "").length;
      var begin = start + run.index + lead, end = begin + found.length;
      var last = number === runs.length - 1 && begin - start + found.length === domain.length;
      var tail = last ? tailEnd(text, end) : { end: end, hasPath: false };
      var parts = found.split(".");
      var isShort = parts.length === 2 && /^[\x00-\x7f]{2}$/.test(parts[1]);
      if (tail.hasPath || !isShort || ["co", "tv"].indexOf(parts[1].toLowerCase()) >= 0) {
        links.push({ start: begin, end: tail.end, scheme: false });
      }
    });
    return links;
  }

  function nextStart(text, pos) {
    var dot = text.indexOf(".", pos);
    if (dot < 0) { return -1; }
    for (var i = dot - 1; i >= pos; i--) {
      if (SPACE_CHAR.test(text[i])) { return i + 1; }
    }
    return pos;
  }

  function findLinks(text, requireScheme) {
    var links = [], pos = 0;
    while ((pos = nextStart(text, pos)) >= 0) {
      CANDIDATE.lastIndex = pos;
      var m = CANDIDATE.exec(text);
      if (!m) { return links; }
      var scheme = m[1] || "", start = m.index;
      if (requireScheme && !scheme) { pos = start + 1; continue; }
      var resolved = resolveHost(m[2], !!scheme);
      if (resolved.domain === null) { pos = resolved.tooLong ? start + m[0].length : start + 1; continue; }
      var hostStart = start + scheme.length;
      if (!scheme) {
        var before = start > 0 ? text[start - 1] : "";
        var found = before && "-_./".indexOf(before) >= 0 ? [] : bareLinks(text, hostStart, resolved.domain);
        links.push.apply(links, found);
        pos = found.length ? found[found.length - 1].end : hostStart + resolved.domain.length;
        continue;
      }
      var tail = tailEnd(text, hostStart + resolved.domain.length);
      links.push({ start: start, end: tail.end, scheme: true });
      pos = tail.end;
    }
    return links;
  }

  // ---- counting (see counting.py and networks.py) ----
  var EMOJI = /\p{Regional_Indicator}{2}|[0-9#*]\uFE0F?\u20E3|(?:\p{Extended_Pictographic}|\p{Emoji_Modifier_Base})(?:\uFE0F|\p{Emoji_Modifier})?(?:[\u{E0020}-\u{E007E}]+\u{E007F})?(?:\u200D(?:\p{Extended_Pictographic}|\p{Emoji_Modifier_Base})(?:\uFE0F|\p{Emoji_Modifier})?(?:[\u{E0020}-\u{E007E}]+\u{E007F})?)*/gu;
  var PRESENTATION = /^\p{Emoji_Presentation}$/u;
  var MENTION = /(?<![\/\p{L}\p{M}\p{N}_])@([a-z0-9_]+(?:[a-z0-9_.\-]+[a-z0-9_])?)(?:@[\p{L}\p{M}\p{N}_.\-]+[\p{L}\p{M}\p{N}_])?/giu;
  var SEGMENTER = new Intl.Segmenter(undefined, { granularity: "grapheme" });

  function emojiSpans(text) {
    var spans = {};
    for (var m of text.matchAll(EMOJI)) {
      var body = m[0], end = m.index + body.length;
      if (Array.from(body).length === 1 && !PRESENTATION.test(body)) { continue; }
      if (text[end] === "\ufe0e") { continue; }
      spans[m.index] = end;
    }
    return spans;
  }

  function weight(cp) {
    for (var r of DATA.x.ranges) { if (cp >= r[0] && cp <= r[1]) { return r[2]; } }
    return DATA.x.defaultWeight;
  }

  function weighted(text) {
    text = text.normalize("NFC");
    var links = {}, total = 0, i = 0;
    findLinks(text, false).forEach(function (l) { links[l.start] = l.end; });
    var emoji = emojiSpans(text);
    while (i < text.length) {
      if (links[i] !== undefined) { total += DATA.x.linkLength * 100; i = links[i]; }
      else if (emoji[i] !== undefined) { total += DATA.x.defaultWeight; i = emoji[i]; }
      else { var cp = text.codePointAt(i); total += weight(cp); i += cp > 0xffff ? 2 : 1; }
    }
    return total / 100;
  }

  function graphemes(text) { return Array.from(SEGMENTER.segment(text)).length; }
  function utf8(text) { return new TextEncoder().encode(text).length; }

  function mastodon(text) {
    var out = "", last = 0;
    findLinks(text, true).forEach(function (l) { out += text.slice(last, l.start) + "x".repeat(DATA.mastodonLink); last = l.end; });
    out += text.slice(last);
    return graphemes(out.replace(MENTION, function (_, user) { return "@" + user; }));
  }

  function threads(text) {
    var spans = emojiSpans(text), total = 0, i = 0;
    while (i < text.length) {
      if (spans[i] !== undefined) { total += utf8(text.slice(i, spans[i])); i = spans[i]; }
      else { total += 1; i += text.codePointAt(i) > 0xffff ? 2 : 1; }
    }
    return total;
  }

  // one function per counting rule of podium.plugins.networks.COUNTERS; DATA.counters names each network's
  var RULES = {
    weighted: weighted,
    utf16: function (text) { return text.length; },
    mastodon: mastodon,
    graphemes: graphemes,
    emoji_bytes: threads,
    code_points: function (text) { return Array.from(text).length; }
  };

  function measure(text, network) {
    var length = RULES[DATA.counters[network]](text), limit = DATA.limits[network], bytes = DATA.maxBytes[network];
    var excess = Math.max(0, length - limit);
    if (!excess && bytes && utf8(text) > bytes) { excess = utf8(text) - bytes; }
    return { length: length, limit: limit, excess: excess };
  }

  window.podiumCount = measure; // for people checking a text from the console, and for tests

  // ---- the page ----
  function update(field) {
    var area = field.querySelector("textarea"), network = field.getAttribute("data-network");
    var result = measure(area.value, network);
    field.querySelector("[data-count]").textContent = String(result.length);
    var over = field.querySelector("[data-over]");
    over.hidden = result.excess === 0;
    field.querySelector("[data-excess]").textContent = String(result.excess);
    field.classList.toggle("is-over", result.excess > 0);
    area.setAttribute("aria-invalid", result.excess > 0 ? "true" : "false");
    var hook = field.querySelector("[data-hook]");
    if (hook) { hook.textContent = String(area.value.split("\n")[0].length); }
  }

  function copy(button) {
    var area = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector("[data-status]");
    function done(ok) {
      status.textContent = status.getAttribute(ok ? "data-ok" : "data-fail");
      button.classList.toggle("is-done", ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(area.value).then(function () { done(true); }, function () {
        area.select();
        done(document.execCommand("copy"));
      });
    } else {
      area.select();
      done(document.execCommand("copy"));
    }
  }

  document.querySelectorAll(".field[data-network]").forEach(function (field) {
    update(field);
    field.querySelector("textarea").addEventListener("input", function () { update(field); });
  });
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () { copy(button); });
  });
})();

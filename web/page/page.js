// The classroom's page: it draws the lesson's screen, which the server
// sends as rows of styled text, and sends back keys and the grid's size.
// It signs in as the part its address names (/ a student, /presenter,
// /notes), and after a lost connection joins the same room again.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const grid = $("screen"), cursor = $("cursor"), statusEl = $("status"), announce = $("announce");
  const form = $("signin"), passwordEl = $("password"), typing = $("typing"), probe = $("probe");
  const role = { "/presenter": "presenter", "/notes": "notes" }[location.pathname] || "student";
  const theme = matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
  const motion = !matchMedia("(prefers-reduced-motion: reduce)").matches;
  const coarse = matchMedia("(pointer: coarse)");
  document.documentElement.dataset.theme = theme; // the lesson's colours are this theme's from here on

  const named = {
    ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right", Home: "home", End: "end",
    PageUp: "pgup", PageDown: "pgdown", Enter: "enter", Escape: "esc", Backspace: "backspace", Delete: "delete", " ": "space",
  };
  const attrClass = [[1, "b"], [2, "f"], [4, "i"], [8, "u"], [32, "s"], [64, "c"], [256, "w"]];

  let ws = null, welcomed = false, joined = false, over = false, password = "";
  let retries = 0, retryTimer = 0, silenceTimer = 0, sizeTimer = 0;
  let cols = 0, rows = 0, cellW = 0, cellH = 0, shownW = 0, rowEls = [];
  let tokens = 30, lastKey = performance.now();

  function say(text) {
    statusEl.textContent = text;
    statusEl.hidden = !text;
  }

  function send(msg) {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
  }

  // Keys and turns of the wheel: at most 30 a second (a held key repeats
  // about that fast), well within what the server allows; more are dropped.
  function sendInput(msg) {
    const now = performance.now();
    tokens = Math.min(30, tokens + (now - lastKey) * 0.03);
    lastKey = now;
    if (!joined || tokens < 1) return;
    tokens--;
    send(msg);
  }
  const sendKey = (k) => sendInput({ t: "key", k });
  const sendWheel = (up) => sendInput({ t: "wheel", up });

  function connect() {
    clearTimeout(retryTimer);
    welcomed = joined = false;
    ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
    ws.onmessage = (e) => { heard(); receive(JSON.parse(e.data)); };
    ws.onclose = (e) => lost(e);
  }

  // A connection that hears nothing for 70 s (the server speaks every
  // 25 s) is taken for lost.
  function heard() {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => ws && ws.close(), 70000);
  }

  function receive(m) {
    switch (m.t) {
      case "welcome": return welcome(m);
      case "denied": return ask(m.reason);
      case "joined":
        joined = true; retries = 0;
        form.hidden = true; grid.hidden = false; say("");
        if (!coarse.matches) grid.focus();
        return;
      case "frame": return draw(m);
      case "step":
        announce.textContent = `Step ${m.n} of ${m.of}: ${m.title}`;
        document.title = `${m.n}/${m.of} ${m.title}`;
        return;
      case "bye": return end(m.reason);
    }
  }

  function welcome(m) {
    welcomed = true;
    if (role === "student" && m.open) return join("");
    if (role !== "student" && m.presenter !== "password") {
      return end(m.presenter === "keys"
        ? "This classroom's presenter signs in with a key, over SSH (ssh presenter@ this server's address)."
        : "This classroom has no presenter password, so nobody can present from a page. (The teacher starts it with --presenter-password.)");
    }
    if (password) return join(password);
    ask("");
  }

  function join(pw) {
    send({ t: "join", role, password: pw, w: cols, h: rows, theme, motion });
  }

  function ask(why) {
    joined = false;
    say("");
    grid.hidden = true;
    form.hidden = false;
    $("password-label").textContent = role === "student" ? "Room password" : "Presenter password";
    $("signin-about").textContent = {
      student: "Type the room password your teacher gave you.",
      presenter: "Sign in as the presenter: everyone following sees what this page shows.",
      notes: "The presenter's console: speaker notes, the room and the live check.",
    }[role];
    $("signin-error").textContent = why;
    passwordEl.value = "";
    passwordEl.focus();
    if (why) password = "";
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    password = passwordEl.value;
    $("signin-error").textContent = "";
    if (ws && ws.readyState === WebSocket.OPEN && welcomed) join(password);
    else connect();
  });

  // The lesson ended: say why, and offer to join again.
  function end(why) {
    over = true; joined = false;
    say("");
    grid.hidden = true; form.hidden = true; cursor.hidden = true;
    $("ended-why").textContent = why;
    $("ended").hidden = false;
    $("again").focus();
  }

  $("again").addEventListener("click", () => {
    over = false;
    $("ended").hidden = true;
    say("Connecting…");
    connect();
  });

  function lost(e) {
    ws = null;
    clearTimeout(silenceTimer);
    if (over || !form.hidden) return;
    if ([1003, 1008, 1009].includes(e.code)) {
      return end("The server closed the connection: " + (e.reason || "it refused a message from this page."));
    }
    // The connection went (the network, a sleeping laptop, the server
    // restarting): join the same room again, sooner at first.
    joined = false;
    const wait = Math.min(15, 2 ** retries++);
    say(`The connection was lost. Joining again in ${wait} s…`);
    retryTimer = setTimeout(connect, wait * 1000);
  }
  addEventListener("online", () => { if (!ws && !over && form.hidden) connect(); });

  // The grid fills the window: 16 px text where 60 columns fit, smaller
  // where they do not, as on a phone: down to 12 px, and below that (to
  // 10 px) only as far as it takes to fit the lesson's 40 columns.
  function fit() {
    const bar = $("touch").hidden ? 0 : $("touch").offsetHeight;
    const w = innerWidth - 8, h = innerHeight - bar - 8;
    probe.style.fontSize = "100px";
    const ratio = probe.getBoundingClientRect().width / 1000;
    const fits = (columns) => Math.floor(w / (columns * ratio));
    const size = Math.max(10, Math.min(16, Math.max(fits(60), Math.min(12, fits(40)))));
    probe.style.fontSize = size + "px";
    cellW = probe.getBoundingClientRect().width / 10;
    cellH = Math.round(size * 1.2);
    document.documentElement.style.setProperty("--font", size + "px");
    document.documentElement.style.setProperty("--cell-h", cellH + "px");
    const c = Math.max(20, Math.floor(w / cellW)), r = Math.max(8, Math.floor(h / cellH));
    if (c === cols && r === rows) return;
    cols = c; rows = r;
    clearTimeout(sizeTimer);
    sizeTimer = setTimeout(() => { if (joined) send({ t: "size", w: cols, h: rows }); }, 100);
  }

  function touchBar() {
    $("touch").hidden = !coarse.matches;
    fit();
  }
  coarse.addEventListener("change", touchBar);
  addEventListener("resize", fit);

  function draw(m) {
    if (m.w !== shownW || rowEls.length !== m.h) {
      rowEls = Array.from({ length: m.h }, () => {
        const row = document.createElement("div");
        row.className = "row";
        return row;
      });
      grid.replaceChildren(...rowEls);
      shownW = m.w;
      grid.style.width = (m.w * cellW) + "px";
    }
    for (const [y, spans] of m.rows) {
      if (rowEls[y]) rowEls[y].replaceChildren(...spans.map(span));
    }
    cursor.hidden = !m.cursor;
    if (m.cursor) {
      const box = grid.getBoundingClientRect();
      cursor.style.left = (box.left + m.cursor[0] * cellW) + "px";
      cursor.style.top = (box.top + m.cursor[1] * cellH) + "px";
    }
  }

  function span([text, fg = "", bg = "", attrs = 0]) {
    if (!fg && !bg && !attrs) return document.createTextNode(text);
    const el = document.createElement("span");
    el.textContent = text;
    if (attrs & 16) [fg, bg] = [bg || "var(--bg)", fg || "var(--fg)"];
    if (fg) el.style.color = fg;
    if (bg) el.style.backgroundColor = bg;
    for (const [bit, name] of attrClass) if (attrs & bit) el.classList.add(name);
    return el;
  }

  document.addEventListener("keydown", (e) => {
    if (!joined || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    let k = e.key === "Tab" ? (e.shiftKey ? "shift+tab" : "tab") : named[e.key];
    if (!k && [...e.key].length === 1) k = e.key;
    if (!k) return;
    e.preventDefault();
    sendKey(k);
  });

  // A phone's keyboard types into a hidden field; each character is a key.
  typing.addEventListener("input", () => {
    for (const c of typing.value) sendKey(c === " " ? "space" : c);
    typing.value = "";
  });
  $("keyboard").addEventListener("click", () => typing.focus());
  for (const b of document.querySelectorAll("#touch [data-key]")) {
    b.addEventListener("click", () => sendKey(b.dataset.key));
  }

  // The wheel, and a swipe up or down, scroll the lesson's text; a swipe
  // sideways moves a step.
  let wheelSum = 0, touchAt = null;
  grid.addEventListener("wheel", (e) => {
    e.preventDefault();
    wheelSum += e.deltaMode === 0 ? e.deltaY : e.deltaY * 40;
    while (Math.abs(wheelSum) >= 40) {
      sendWheel(wheelSum < 0);
      wheelSum -= Math.sign(wheelSum) * 40;
    }
  }, { passive: false });
  grid.addEventListener("touchstart", (e) => { touchAt = [e.touches[0].clientX, e.touches[0].clientY]; }, { passive: true });
  grid.addEventListener("touchend", (e) => {
    if (!touchAt) return;
    const dx = e.changedTouches[0].clientX - touchAt[0], dy = e.changedTouches[0].clientY - touchAt[1];
    touchAt = null;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) sendKey(dx < 0 ? "right" : "left");
    else for (let i = 0; i < Math.min(10, Math.round(Math.abs(dy) / cellH / 2)); i++) sendWheel(dy > 0);
  });
  grid.addEventListener("click", () => grid.focus());

  touchBar();
  connect();
})();

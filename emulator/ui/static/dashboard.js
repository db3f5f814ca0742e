// The mcf-emulator dashboard: reads and drives the emulator through its control API (/_emulator/*),
// polling it about once a second. Every value is put into the page as text, never as markup.
"use strict";
(() => {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`).content;
  const CONTROL = meta("mcf-control");
  const POLL_MS = Number(meta("mcf-poll-ms"));
  const headers = { "content-type": "application/json" };
  if (meta("mcf-token")) headers[meta("mcf-token-header")] = meta("mcf-token");
  const $ = (id) => document.getElementById(id);
  const shown = {};            // section id -> the JSON it shows, so unchanged sections are left alone
  const openOrders = new Set(); // orders whose details the user opened

  async function call(method, path, body) {
    const response = await fetch(CONTROL + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const doc = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error(doc && doc.message ? `${doc.error}: ${doc.message}` : response.statusText);
    return doc;
  }

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const badge = (text, kind) => h("span", { class: `badge ${kind || text}` }, text);

  function table(columns, rows, empty) {
    if (!rows.length) return h("p", { class: "empty" }, empty);
    return h("table", {},
      h("thead", {}, h("tr", {}, columns.map(([title]) => h("th", { scope: "col" }, title)))),
      h("tbody", {}, rows.map((row) => h("tr", {}, columns.map(([, cell]) => h("td", {}, cell(row)))))));
  }

  function render(id, data, build) {
    const json = JSON.stringify(data);
    if (shown[id] === json) return;
    shown[id] = json;
    $(id).replaceChildren(build(data));
  }

  function say(text) { $("status").textContent = text; }

  async function act(label, work) {
    try {
      await work();
      say(`${label}: done`);
      await refresh();
    } catch (error) {
      say(`${label} failed — ${error.message}`);
    }
  }

  // --- rendering -------------------------------------------------------------------------------------
  function renderClock(clock) {
    $("clock-now").textContent = clock.now;
    $("clock-now").setAttribute("datetime", clock.now);
    $("clock-mode").textContent = clock.frozen ? "(frozen)" : `(running ×${clock.speed})`;
    $("clock-pending").textContent = `${clock.pendingTransitions} transition(s) pending`;
  }

  function fillSelect(select, values, label) {
    const current = select.value;
    const json = JSON.stringify(values);
    if (select.dataset.values === json) return;
    select.dataset.values = json;
    select.replaceChildren(...values.map((v) => h("option", { value: v.value }, label(v))));
    if (values.some((v) => v.value === current)) select.value = current;
  }

  function renderAccounts(sellers, applications) {
    const sellerOptions = sellers.map((s) => ({ value: s.sellerId, name: s.name }));
    const named = (v) => (v.name ? `${v.value} — ${v.name}` : v.value);
    fillSelect($("seller"), sellerOptions, named);
    fillSelect($("self-seller"), sellerOptions, named);
    fillSelect($("self-app"), applications.map((a) => ({ value: a.clientId, name: a.name })), named);
    render("sellers-table", sellers, (rows) => table([
      ["Seller", (s) => h("code", {}, s.sellerId)], ["Name", (s) => s.name], ["Marketplaces", (s) => s.marketplaceIds.join(", ")],
    ], rows, "No sellers."));
    render("applications-table", applications, (rows) => table([
      ["Name", (a) => a.name], ["Application id", (a) => h("code", {}, a.applicationId)],
      ["Client id", (a) => h("code", {}, a.clientId)], ["Redirect URIs", (a) => a.redirectUris.join(" ")],
      ["State", (a) => badge(a.draft ? "draft" : "published")],
    ], rows, "No applications."));
  }

  function renderOverview(world) {
    render("inventory-table", world.inventory, (rows) => table([
      ["SKU", (r) => h("code", {}, r.sellerSku)], ["FNSKU", (r) => r.fnSku], ["Fulfillable", (r) => r.fulfillable],
      ["Inbound", (r) => r.inbound], ["Reserved", (r) => r.reserved], ["Unfulfillable", (r) => r.unfulfillable],
      ["Researching", (r) => r.researching], ["Total", (r) => r.total],
    ], rows, "No stock."));
    render("listings-table", world.listings, (rows) => table([
      ["SKU", (r) => h("code", {}, r.sku)], ["ASIN", (r) => r.asin], ["Title", (r) => r.title],
      ["Status", (r) => (r.status || []).join(", ")],
    ], rows, "No listings."));
    render("orders-list", world.orders, (orders) => (orders.length
      ? h("div", {}, orders.map(renderOrder))
      : h("p", { class: "empty" }, "No MCF orders.")));
  }

  function renderOrder(order) {
    const id = order.sellerFulfillmentOrderId;
    const details = h("details", {
      class: "order", "data-order": id, open: openOrders.has(id),
      ontoggle: () => (details.open ? openOrders.add(id) : openOrders.delete(id)),
    },
    h("summary", {}, h("code", {}, id), " ", badge(order.status), " ",
      order.items.map((i) => `${i.quantity} × ${i.sellerSku}`).join(", ")),
    h("h4", {}, "Timeline"),
    h("ol", { class: "timeline" }, order.timeline.map((m) => h("li", {}, h("time", { datetime: m.at }, m.at), " ", m.what))),
    h("h4", {}, "Shipments"),
    table([
      ["Shipment", (s) => h("code", {}, s.amazonShipmentId)], ["Status", (s) => badge(s.status)],
      ["Shipped", (s) => s.shippingDate || ""], ["Due", (s) => s.estimatedArrivalDate || ""],
      ["Packages", (s) => s.packages.map((p) => `#${p.packageNumber} ${p.carrierCode} `)],
      ["Tracking", (s) => s.packages.map((p) => h("code", { class: "tracking" }, p.trackingNumber))],
    ], order.shipments, "Not shipped yet."));
    return details;
  }

  function renderNotifications(list) {
    render("notifications-table", list.slice(-50).reverse(), (rows) => table([
      ["Published", (n) => n.publishTime], ["Type", (n) => n.notificationType], ["Seller", (n) => n.sellerId || ""],
      ["Destination", (n) => n.destinationId || ""], ["Delivery", (n) => badge(n.status)], ["Attempts", (n) => n.attempts],
    ], rows, "No notifications sent."));
  }

  async function openExchange(seq) {
    const page = await call("GET", `/journal?since=${seq - 1}&limit=1000`);
    const entry = page.entries.find((e) => e.seq === seq);
    $("exchange").hidden = false;
    $("exchange-title").textContent = entry ? `Exchange #${seq}: ${entry.method} ${entry.path}` : `Exchange #${seq}`;
    $("exchange-body").textContent = entry ? JSON.stringify(entry, null, 2) : "This entry is no longer in the journal.";
    $("exchange-body").focus();
  }

  function renderJournal(entries) {
    render("journal-table", entries.slice().reverse(), (rows) => table([
      ["#", (e) => e.seq], ["Time", (e) => e.time], ["Operation", (e) => e.operationId || e.path],
      ["Seller", (e) => e.sellerId || ""], ["Status", (e) => badge(String(e.status), `s${String(e.status)[0]}`)],
      ["Faults", (e) => e.faults.join(", ")], ["ms", (e) => e.latencyMs],
      ["", (e) => h("button", { type: "button", class: "open-exchange", "data-seq": e.seq,
        "aria-label": `Open exchange ${e.seq}`, onclick: () => openExchange(e.seq) }, "Open")],
    ], rows, "No SP-API calls yet."));
  }

  function describeEffect(effect) {
    return effect.type === "error" ? `error ${effect.status} ${effect.code}` : effect.type;
  }

  function renderFaults(doc) {
    render("faults-table", doc.rules, (rows) => table([
      ["Rule", (r) => h("code", {}, r.id)], ["Match", (r) => JSON.stringify(r.match)], ["Effect", (r) => describeEffect(r.effect)],
      ["Applied", (r) => r.applied],
      ["", (r) => h("button", { type: "button", "aria-label": `Remove fault ${r.id}`,
        onclick: () => act("Remove fault", () => call("DELETE", `/faults/${encodeURIComponent(r.id)}`)) }, "Remove")],
    ], rows, "No fault rules."));
  }

  // --- polling ---------------------------------------------------------------------------------------
  function journalQuery() {
    const params = new URLSearchParams({ bodies: "false", limit: "50" });
    const operation = $("jf-operation").value.trim();
    const status = $("jf-status").value.trim();
    if (operation) params.set("operationId", operation);
    if (/^\d+$/.test(status)) params.set("status", status);
    if ($("jf-faulted").checked) params.set("faulted", "true");
    return params.toString();
  }

  async function refresh() {
    const seller = $("seller").value;
    const [clock, sellers, applications, world, journal, faults, notifications] = await Promise.all([
      call("GET", "/clock"), call("GET", "/sellers"), call("GET", "/applications"),
      call("GET", `/overview${seller ? `?sellerId=${encodeURIComponent(seller)}` : ""}`),
      call("GET", `/journal?${journalQuery()}`), call("GET", "/faults"), call("GET", "/notifications?limit=1000"),
    ]);
    renderClock(clock);
    renderAccounts(sellers.sellers, applications.applications);
    renderOverview(world);
    renderJournal(journal.entries);
    renderFaults(faults);
    renderNotifications(notifications.notifications);
    document.body.dataset.refreshed = String(Date.now());
  }

  async function poll() {
    try {
      await refresh();
      if ($("status").dataset.offline) { say("Connected"); delete $("status").dataset.offline; }
    } catch (error) {
      $("status").dataset.offline = "1";
      say(`Cannot read the emulator — ${error.message}`);
    }
    setTimeout(poll, POLL_MS);
  }

  // --- actions ---------------------------------------------------------------------------------------
  const form = (id, label, work) => $(id).addEventListener("submit", (event) => {
    event.preventDefault();
    act(label, () => work(new FormData(event.target)));
  });
  form("advance-form", "Advance the clock", (data) => call("POST", "/clock/advance", { by: data.get("by") }));
  form("set-form", "Set the clock", (data) => call("POST", "/clock/set", { to: data.get("to") }));
  $("freeze").addEventListener("click", () => act("Freeze the clock", () => call("POST", "/clock/freeze")));
  $("run").addEventListener("click", () => act("Run the clock", () => call("POST", "/clock/run", { speed: 1 })));
  form("fault-form", "Add fault", (data) => {
    const rule = { effect: { type: "error", status: Number(data.get("status")) } };
    const operation = String(data.get("operationId")).trim();
    const times = String(data.get("times")).trim();
    if (operation) rule.match = { operationId: operation };
    if (/^\d+$/.test(times)) rule.times = Number(times);
    return call("POST", "/faults", rule);
  });
  form("register-form", "Register the application", (data) => {
    const doc = { clientId: data.get("clientId"), clientSecret: data.get("clientSecret"), draft: data.get("draft") === "on" };
    const uris = String(data.get("redirectUris")).split(/\s+/).filter(Boolean);
    if (uris.length) doc.redirectUris = uris;
    for (const key of ["name", "applicationId"]) if (data.get(key)) doc[key] = data.get(key);
    return call("POST", "/applications", doc);
  });
  form("self-form", "Self-authorize", async (data) => {
    const granted = await call("POST", "/authorizations", { clientId: data.get("clientId"), sellerId: data.get("sellerId") });
    $("refresh-token").value = granted.refreshToken;
    $("refresh-token").focus();
    $("refresh-token").select();
  });
  $("journal-filters").addEventListener("submit", (event) => event.preventDefault());
  $("seller").addEventListener("change", () => act("Show seller", async () => {}));
  $("reset").addEventListener("click", () => act("Reset", () => call("POST", "/reset", {})));
  $("snapshot").addEventListener("click", () => act("Snapshot", async () => {
    const doc = await call("GET", "/state");
    const link = h("a", { href: URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: "application/json" })),
      download: `mcf-emulator-${doc.takenAt}.json` });
    link.click();
    URL.revokeObjectURL(link.href);
  }));
  $("restore").addEventListener("click", () => act("Restore", async () => {
    const file = $("restore-file").files[0];
    if (!file) throw new Error("choose a snapshot file first");
    await call("PUT", "/state", JSON.parse(await file.text()));
  }));

  poll();
})();

// Werkbridge console: plain ES module, no build step. Polls the hub's APIs with the session cookie and sends the
// CSRF token on every POST. The server decides what a role may read; this page only leaves out what would be
// refused anyway (the DPO panels for an operator).

let session = null;
const lastRendered = new Map();

/** Builds an element: h('td', {class: 'num'}, 3). Text goes in as text, never as HTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function table(caption, headers, rows) {
  return h('table', {}, h('caption', { class: 'muted' }, caption),
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows));
}

function unavailable(text) {
  return h('p', { class: 'unavailable' }, text);
}

function when(instant) {
  return instant ? new Date(instant).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

/** GET as JSON; null when the endpoint does not exist (404) on this hub. */
async function get(path, accept = 'application/json') {
  const response = await fetch(path, { headers: { Accept: accept }, credentials: 'same-origin' });
  if (response.status === 404) return null;
  if (response.status === 401) { location.assign('/login'); throw new Error('signed out'); }
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return accept === 'application/json' ? response.json() : response.text();
}

async function post(path, json) {
  const headers = { Accept: 'application/json', [session.csrfHeader]: session.csrfToken };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin', headers, body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  if (!response.ok) {
    let detail = text;
    try { detail = JSON.parse(text).detail ?? text; } catch (e) { /* not JSON: show as is */ }
    throw new Error(`${response.status}: ${detail}`);
  }
  return text ? JSON.parse(text) : {};
}

function say(text, bad = false) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.className = bad ? 'bad' : '';
}

async function act(label, path, json) {
  try {
    const result = await post(path, json);
    say(`${label}: ${JSON.stringify(result)}`);
    lastRendered.clear();
    await tick(true);
  } catch (e) {
    say(`${label} failed: ${e.message}`, true);
  }
}

/** Replaces a panel's content only when its data changed, so polling does not steal keyboard focus. */
function render(name, data, build) {
  const key = JSON.stringify(data);
  if (lastRendered.get(name) === key) return;
  lastRendered.set(name, key);
  const target = document.querySelector(`[data-panel="${name}"]`);
  const focused = document.activeElement?.id;
  // a table view or list someone opened stays open when its numbers change
  const opened = [...target.querySelectorAll('details')].map(d => d.open);
  target.replaceChildren(build(data));
  target.querySelectorAll('details').forEach((d, i) => { if (opened[i]) d.open = true; });
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
}

function flowsPanel(flows) {
  const rows = flows.flatMap(f => f.destinations.map((d, i) => h('tr', { 'data-flow': f.id, 'data-destination': d.id },
    i === 0 ? h('th', { scope: 'row', rowspan: f.destinations.length }, f.id) : null,
    h('td', {}, d.id), h('td', { class: 'num' }, d.pending), h('td', { class: 'num' }, d.held),
    i === 0 ? h('td', { class: 'num', rowspan: f.destinations.length }, f.deadLettered) : null)));
  return table('Messages waiting per destination (counted up to 1000)',
    ['Flow', 'Destination', 'Waiting', 'Held', 'Dead-lettered'], rows);
}

function metricsPanel(text) {
  if (text === null) return unavailable('Metrics: not available on this hub (/actuator/prometheus answered 404).');
  const lines = text.split('\n').filter(l => /^(werkbridge|camel_exchanges)/.test(l)).slice(0, 40);
  if (lines.length === 0) return unavailable('Metrics: no flow counters yet.');
  return h('details', {}, h('summary', {}, `Flow metrics (${lines.length})`),
    table('From /actuator/prometheus', ['Series', 'Value'], lines.map(l => {
      const at = l.lastIndexOf(' ');
      return h('tr', {}, h('td', {}, h('code', {}, l.slice(0, at))), h('td', { class: 'num' }, l.slice(at + 1)));
    })));
}

/** Ids of the parkings past the retention age ("flow/destination/id" for holds, "flow//id" for dead letters). */
function expiredKeys(expired) {
  return new Set((expired ?? []).map(e => `${e.flow}/${e.destination ?? ''}/${e.messageId ?? e.jmsMessageId}`));
}

/** A discard removes a message for good: the server refuses it without a reason, so ask for one. */
function discardWithReason(what, path) {
  const reason = prompt(`Discard ${what} for good? Give the reason (it is kept in the audit log):`);
  if (reason && reason.trim()) act('discard', `${path}&reason=${encodeURIComponent(reason.trim())}`);
}

function holdsPanel({ holds, expired }) {
  const parts = [];
  const old = expiredKeys(expired);
  if (expired && expired.length > 0) {
    parts.push(h('p', { class: 'bad', id: 'expired-parkings' }, `${expired.length} parked message(s) past the retention age: `
      + 'retention keeps them; release, replay or discard each one (with a reason).'));
  }
  for (const { flow, destination, held, count } of holds) {
    const where = `${flow}/${destination}`;
    parts.push(h('h3', {}, `${where} (${count ?? held.length} held${held.length < (count ?? 0) ? `, the first ${held.length} shown` : ''})`));
    if (held.length === 0) continue;
    parts.push(h('button', {
      id: `release-all-${flow}-${destination}`, 'aria-label': `Release all held messages of ${where}`,
      onclick: () => act(`release all ${where}`, `/api/v1/holds/${flow}/${destination}/release`),
    }, 'Release all'));
    parts.push(table(`Held for ${where}`, ['Message', 'Reason', 'Held at', 'State', 'Actions'], held.map(m => h('tr', {},
      h('td', {}, h('code', {}, m.messageId)), h('td', {}, m.reason), h('td', {}, when(m.heldAt)),
      old.has(`${flow}/${destination}/${m.messageId}`) ? h('td', { class: 'bad' }, 'expired: decide') : h('td', {}, 'held'),
      h('td', {},
        h('button', {
          id: `release-${m.messageId}-${destination}`, 'aria-label': `Release message ${m.messageId} to ${destination}`,
          onclick: () => act('release', `/api/v1/holds/${flow}/${destination}/release?messageId=${encodeURIComponent(m.messageId)}`),
        }, 'Release'), ' ',
        h('button', {
          id: `discard-${m.messageId}-${destination}`, class: 'danger',
          'aria-label': `Discard message ${m.messageId} held for ${destination}`,
          onclick: () => discardWithReason(m.messageId, `/api/v1/holds/${flow}/${destination}/discard?messageId=${encodeURIComponent(m.messageId)}`),
        }, 'Discard'))))));
  }
  return h('div', {}, parts);
}

function deadLettersPanel({ lists, expired }) {
  const old = expiredKeys(expired);
  if (!session.roles.includes('OPERATOR')) {
    return h('div', {}, unavailable('Dead letters are replayed or discarded by operators; their counts per flow:'),
      table('Dead-lettered messages per flow', ['Flow', 'Dead-lettered'],
        lists.map(l => h('tr', {}, h('td', {}, l.flow), h('td', { class: 'num' }, l.count)))));
  }
  if (lists.every(l => l.messages === null)) {
    return unavailable('Dead-letter operations are not available on this hub (the API answered 404).');
  }
  const parts = [];
  for (const { flow, messages, count } of lists) {
    parts.push(h('h3', {}, `${flow} (${count ?? messages?.length ?? 0}${messages && messages.length < (count ?? 0) ? `, the first ${messages.length} shown` : ''})`));
    if (!messages || messages.length === 0) continue;
    parts.push(table(`Dead letters of ${flow}`, ['Message', 'Reason', 'Failed at', 'Route', 'Deliveries', 'State', 'Actions'],
      messages.map(m => h('tr', {},
        h('td', {}, h('code', {}, m.messageId ?? m.jmsMessageId)), h('td', {}, m.reason), h('td', {}, when(m.failedAt)),
        h('td', {}, m.failedRoute), h('td', { class: 'num' }, m.deliveryCount),
        old.has(`${flow}//${m.messageId ?? m.jmsMessageId}`) ? h('td', { class: 'bad' }, 'expired: decide') : h('td', {}, 'parked'),
        h('td', {},
          h('button', {
            id: `replay-${m.messageId}`, 'aria-label': `Replay message ${m.messageId} of ${flow}`,
            onclick: () => act('replay', `/api/v1/operations/dead-letters/${flow}/replay?messageId=${encodeURIComponent(m.messageId)}`),
          }, 'Replay'), ' ',
          h('button', {
            id: `discard-dl-${m.messageId}`, class: 'danger', 'aria-label': `Discard dead letter ${m.messageId} of ${flow}`,
            onclick: () => discardWithReason(m.messageId ?? m.jmsMessageId,
              `/api/v1/operations/dead-letters/${flow}/discard?messageId=${encodeURIComponent(m.messageId ?? m.jmsMessageId)}`),
          }, 'Discard'))))));
  }
  return h('div', {}, parts);
}

function connectionsPanel({ flows, machines }) {
  const destinations = flows.flatMap(f => f.destinations.map(d => h('tr', {},
    h('td', {}, `${f.id} → ${d.id}`),
    h('td', { class: d.held + f.deadLettered > 0 ? 'bad' : 'ok' },
      d.held > 0 ? `${d.held} held` : f.deadLettered > 0 ? `${f.deadLettered} dead-lettered in flow` : 'no backlog'))));
  const parts = [table('Destinations (judged by their queues)', ['Flow → destination', 'State'], destinations)];
  if (machines === null) {
    parts.push(unavailable('Machine status is not available on this hub (/api/v1/machines answered 404).'));
  } else {
    parts.push(table('Machines', ['Machine', 'Protocol', 'Connection', 'Last contact', 'Events', 'Last error'],
      machines.map(m => h('tr', {}, h('td', {}, m.id), h('td', {}, m.protocol),
        h('td', { class: m.connection === 'connected' || m.connection === 'CONNECTED' ? 'ok' : 'bad' }, m.connection),
        h('td', {}, when(m.lastContactAt)), h('td', { class: 'num' }, m.events), h('td', {}, m.lastError ?? '')))));
  }
  return h('div', {}, parts);
}

function registerPanel({ processors, destinations }) {
  return h('div', {},
    table('Processors', ['Processor', 'Country', 'Role', 'Purposes', 'Categories', 'Destinations', 'Contract'],
      processors.map(p => h('tr', {}, h('th', { scope: 'row' }, p.name), h('td', {}, p.country), h('td', {}, p.role),
        h('td', {}, (p.purposes ?? []).join(', ')), h('td', {}, (p.categories ?? []).join(', ')),
        h('td', {}, (p.destinations ?? []).join(', ')), h('td', {}, p.contract ? `${p.contract.reference ?? ''} ${p.contract.status ?? ''}` : '')))),
    table('Destinations', ['Destination', 'Processor', 'Country', 'Purpose', 'Legal basis', 'Transfer'],
      destinations.map(d => h('tr', {}, h('th', { scope: 'row' }, d.id), h('td', {}, d.processorName ?? d.processor),
        h('td', {}, d.country), h('td', {}, d.purpose), h('td', {}, d.legalBasis), h('td', {}, d.transferMechanism ?? '')))));
}

function policyPanel({ policy, chain }) {
  const problems = policy.lastProblems ?? [];
  return h('div', {},
    h('p', {}, 'Version ', h('strong', {}, policy.version), ` loaded ${when(policy.loadedAt)} from `, h('code', {}, policy.location)),
    problems.length === 0
      ? h('p', { class: 'ok' }, 'Valid: the last reload was accepted.')
      : h('div', {}, h('p', { class: 'bad' }, `Last reload rejected (${when(policy.lastAttemptAt)}); the previous version stays in force:`),
        h('ul', {}, problems.map(p => h('li', {}, p)))),
    chain === null ? unavailable('Disclosure log verification not available.')
      : h('p', { class: chain.intact ? 'ok' : 'bad' },
        chain.intact ? `Disclosure log intact (${chain.checked} records checked).`
          : `Disclosure log broken at record ${chain.firstBrokenId}: ${chain.reason}`));
}

function decisionsPanel({ destinations, disclosures }) {
  const parts = [table('What the policy does with each category, per destination', ['Destination', 'Sent', 'Masked / hashed / generalized', 'Dropped'],
    destinations.map(d => {
      const by = action => d.actions.filter(a => action(a.action)).map(a => a.category).join(', ');
      return h('tr', {}, h('th', { scope: 'row' }, d.id), h('td', {}, by(a => a === 'allow')),
        h('td', {}, by(a => !['allow', 'drop'].includes(a))), h('td', {}, by(a => a === 'drop')));
    }))];
  if (disclosures) {
    parts.push(table('Recent disclosures (categories only)', ['When', 'Destination', 'Type', 'Sent', 'Masked', 'Dropped', 'Policy'],
      disclosures.map(e => h('tr', {}, h('td', {}, when(e.occurredAt)), h('td', {}, e.destination), h('td', {}, e.entityType),
        h('td', {}, e.categoriesSent.join(', ')), h('td', {}, e.categoriesMasked.join(', ')),
        h('td', {}, e.categoriesDropped.join(', ')), h('td', {}, e.policyVersion)))));
  }
  return h('div', {}, parts);
}

function rightsRows(requests) {
  return requests.map(r => h('tr', { class: r.overdue ? 'bad' : '', 'data-request': r.id }, h('td', {}, h('code', {}, r.id)),
    h('td', {}, r.type), h('td', {}, r.state, r.closedReason ? ` (closed by ${r.closedBy}: ${r.closedReason})` : ''),
    h('td', {}, when(r.receivedAt)), h('td', {}, when(r.dueAt), r.overdue ? ' (overdue)' : ''),
    h('td', {}, h('ul', {}, (r.tasks ?? []).map(t => h('li', {}, `${t.system}: ${t.state}`,
      t.attempts > 0 ? ` (${t.attempts} attempts)` : '')))),
    h('td', {}, r.state === 'OPEN' || r.state === 'INCOMPLETE' ? h('button', {
      id: `close-${r.id}`, class: 'danger', 'aria-label': `Close request ${r.id} unfinished, with a reason`,
      onclick: () => {
        const reason = prompt('Why is this request closed unfinished? (recorded on the request)');
        if (reason && reason.trim()) act('close', `/api/v1/rights/requests/${r.id}/close`, { reason: reason.trim() });
      },
    }, 'Close…') : '')));
}

/** Overdue requests first, however old (a request past its due date stays here until it completes or is closed). */
function rightsPanel({ overdue, recent }) {
  const headers = ['Request', 'Type', 'State', 'Received', 'Due', 'Per system', 'Actions'];
  const parts = [overdue.length === 0 ? h('p', { class: 'ok' }, 'No request is overdue.')
    : table(`Overdue data-subject requests (${overdue.length}), longest overdue first`, headers, rightsRows(overdue))];
  parts.push(recent.length === 0 ? h('p', { class: 'muted' }, 'No data-subject requests.')
    : table('Data-subject requests, newest first', headers, rightsRows(recent)));
  return h('div', {}, parts);
}

// ---- flow map (SVG, drawn from /console/map: the running routes and the policy in force) ----

const SVG = 'http://www.w3.org/2000/svg';
const STATE_WORDS = {
  delivering: 'delivering', waiting: 'waiting', held: 'held', 'dead-letters': 'dead letters', 'breaker-open': 'breaker open',
};

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function rate(perSecond) {
  return perSecond >= 10 ? `${perSecond.toFixed(0)}/s` : perSecond > 0 ? `${perSecond.toFixed(2)}/s` : '0/s';
}

function clip(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function node(x, y, w, hgt, title, sub, attrs = {}, tooltip = null) {
  return s('g', { class: 'node', ...attrs }, tooltip ? s('title', {}, tooltip) : null, s('rect', { x, y, width: w, height: hgt }),
    s('text', { x: x + 8, y: y + 17 }, clip(title, Math.floor(w / 7.5))),
    sub ? s('text', { x: x + 8, y: y + 33, class: 'sub' }, clip(sub, Math.floor(w / 6.2))) : null);
}

function mapPanel(view) {
  const ROW = 46; const NODE_H = 38; const GAP = 14;
  const X = { source: 8, flow: 250, gate: 470, dest: 640 }; const W = { source: 200, flow: 170, gate: 120, dest: 330 };
  let y = 34;
  const parts = [];
  const layout = view.flows.map(f => {
    const rows = Math.max(1, f.sources.length, f.destinations.length);
    const block = { flow: f, top: y, height: rows * ROW };
    y += rows * ROW + GAP;
    return block;
  });
  const gateBottom = y;
  const rights = view.rights;
  const rightsRows = rights ? Math.max(1, rights.systems.length) : 0;
  const height = rights ? y + 24 + rightsRows * ROW : y;
  parts.push(s('text', { x: X.source, y: 18, class: 'sub' }, 'Sources (running routes, HTTP APIs)'),
    s('text', { x: X.flow, y: 18, class: 'sub' }, 'Flows (live rate)'),
    s('text', { x: X.gate, y: 18, class: 'sub' }, 'Privacy gate'),
    s('text', { x: X.dest, y: 18, class: 'sub' }, 'Destinations (processor, country): state'));
  // the gate: one box through which every flow passes
  parts.push(s('g', { class: 'node gate' }, s('rect', { x: X.gate, y: 30, width: W.gate, height: gateBottom - 40 }),
    s('text', { x: X.gate + 10, y: gateBottom / 2 }, 'Privacy gate'),
    s('text', { x: X.gate + 10, y: gateBottom / 2 + 16, class: 'sub' }, `policy ${clip(view.policyVersion, 10)}`,
      s('title', {}, `policy version ${view.policyVersion}`))));
  for (const { flow: f, top, height: bh } of layout) {
    const flowY = top + bh / 2 - NODE_H / 2;
    f.sources.forEach((src, i) => {
      const sy = top + i * ROW;
      parts.push(s('path', { class: 'edge', d: `M${X.source + W.source} ${sy + NODE_H / 2} L${X.flow} ${flowY + NODE_H / 2}` }));
      parts.push(node(X.source, sy, W.source, NODE_H, src.name, `${src.kind} · ${src.status}`, {
        class: 'node source', 'data-source': src.name, 'data-flow': f.id,
      }, `${src.name} (${src.kind}, ${src.status}) feeds ${f.id}: ${src.detail}`));
    });
    if (f.sources.length === 0) {
      parts.push(s('text', { x: X.source + 8, y: top + NODE_H / 2 + 4, class: 'sub' }, 'no source wired'));
    }
    parts.push(s('path', { class: 'edge', d: `M${X.flow + W.flow} ${flowY + NODE_H / 2} L${X.gate} ${flowY + NODE_H / 2}` }));
    parts.push(s('text', { class: 'rate', x: X.flow + W.flow + 6, y: flowY + NODE_H / 2 - 5, 'data-rate': f.id }, rate(f.messagesPerSecond)));
    parts.push(node(X.flow, flowY, W.flow, NODE_H, f.id,
      f.deadLetteredBeforeFanOut > 0 ? `${f.deadLetteredBeforeFanOut} dead-lettered on intake` : `${rate(f.messagesPerSecond)} in`,
      { 'data-flow-node': f.id }));
    f.destinations.forEach((d, i) => {
      const dy = top + i * ROW;
      const processor = d.processorName ?? (d.processor === 'controller' ? 'own company' : d.processor ?? 'no policy for it');
      const label = `${d.id}: ${processor}${d.country ? ` (${d.country})` : ''}`;
      const words = d.state === 'waiting' && d.waitingSince ? `${d.pending} waiting since ${when(d.waitingSince)}` : d.stateText;
      parts.push(s('path', { class: `edge state-${d.state}`, d: `M${X.gate + W.gate} ${flowY + NODE_H / 2} L${X.dest} ${dy + NODE_H / 2}` }));
      const open = () => openDestination(f.id, d.id, d.deadLettered);
      parts.push(node(X.dest, dy, W.dest, NODE_H, label, `${STATE_WORDS[d.state] ?? d.state}: ${words}`, {
        class: `node dest state-${d.state}`, tabindex: 0, role: 'button', id: `map-${f.id}-${d.id}`,
        'data-flow': f.id, 'data-destination': d.id, 'data-state': d.state,
        'aria-label': `${f.id} to ${label}: ${STATE_WORDS[d.state] ?? d.state}, ${words}. Open held and dead-lettered messages`,
        onclick: open, onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } },
      }));
    });
  }
  if (rights) {
    const top = gateBottom + 24;
    const mid = top + (rightsRows * ROW) / 2 - NODE_H / 2;
    parts.push(s('text', { x: X.source, y: top - 8, class: 'sub' }, 'Data-subject requests (carried to each system, not through the gate)'));
    parts.push(node(X.source, mid, W.source, NODE_H, 'DPO', 'HTTP API', { class: 'node source', 'data-source': 'DPO' },
      `DPO files requests: ${rights.endpoints.join(', ')}`));
    parts.push(s('path', { class: 'edge', d: `M${X.source + W.source} ${mid + NODE_H / 2} L${X.flow} ${mid + NODE_H / 2}` }));
    parts.push(node(X.flow, mid, W.flow, NODE_H, 'rights requests', 'access, erasure, restriction…', { 'data-flow-node': 'rights' }));
    rights.systems.forEach((system, i) => {
      const sy = top + i * ROW;
      parts.push(s('path', { class: 'edge', d: `M${X.flow + W.flow} ${mid + NODE_H / 2} L${X.dest} ${sy + NODE_H / 2}` }));
      parts.push(node(X.dest, sy, W.dest, NODE_H, system, system === 'werkbridge' ? "the hub's own stores" : 'rights target',
        { class: 'node rights-target', 'data-rights-system': system }));
    });
  }
  const svg = s('svg', { viewBox: `0 0 ${X.dest + W.dest + 8} ${height}`, role: 'group', 'aria-label': 'Flow map' },
    s('title', {}, 'Flow map: sources, flows, the privacy gate and destinations with their states'), parts);
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' }, Object.entries(STATE_WORDS).map(([k, v]) =>
    h('li', {}, h('span', { class: `swatch legend-${k}`, 'aria-hidden': 'true' }), v)));
  const breakers = view.breakers.length === 0 ? null : h('p', {}, 'Circuit breakers: ',
    view.breakers.map(b => `${b.name} ${b.state.replace('_', ' ')}`).join(', '));
  return h('div', { class: 'map' }, svg, legend, breakers);
}

/** The held and dead-lettered messages of one destination, as the holds and dead-letter APIs show them (masked). */
async function openDestination(flow, destination, deadLettered) {
  const target = document.getElementById('map-detail');
  target.replaceChildren(h('p', {}, `Loading ${flow} → ${destination}…`));
  try {
    const held = await get(`/api/v1/holds/${flow}/${destination}?limit=${LIST_LIMIT}`) ?? [];
    const operator = session.roles.includes('OPERATOR');
    const dead = !operator ? [] : (await get(`/api/v1/operations/dead-letters/${flow}?limit=${LIST_LIMIT}`) ?? [])
      .filter(m => (m.failedQueue ?? '').endsWith(`.${destination}`));
    const heading = h('h3', { id: 'map-detail-title', tabindex: -1 }, `${flow} → ${destination}: ${held.length} held, ${operator ? dead.length : deadLettered ?? 0} dead-lettered`);
    target.replaceChildren(heading,
      held.length === 0 ? h('p', { class: 'muted' }, 'Nothing held.') : table(`Held for ${destination}`, ['Message', 'Reason', 'Held at'],
        held.map(m => h('tr', {}, h('td', {}, h('code', {}, m.messageId)), h('td', {}, m.reason), h('td', {}, when(m.heldAt))))),
      !operator ? h('p', { class: 'muted' }, `${deadLettered ?? 0} dead-lettered (operators see and replay them).`)
        : dead.length === 0 ? h('p', { class: 'muted' }, 'No dead letters.') : table(`Dead letters for ${destination}`, ['Message', 'Reason', 'Failed at'],
        dead.map(m => h('tr', {}, h('td', {}, h('code', {}, m.messageId ?? m.jmsMessageId)), h('td', {}, m.reason), h('td', {}, when(m.failedAt))))),
      h('p', {}, h('a', { href: '#holds' }, 'Release or discard in Held messages'), ' · ', h('a', { href: '#dead-letters' }, 'Replay in Dead letters')));
    heading.focus();
  } catch (e) {
    target.replaceChildren(h('p', { class: 'bad' }, `Could not load ${flow} → ${destination}: ${e.message}`));
  }
}

// ---- charts (uPlot from its WebJar; every chart has a table of the same numbers) ----

const charts = new Map();

/** Groups the series of /console/series into one chart's lines: key → label, summed when several keys share a label. */
function lines(data, pick) {
  const out = new Map();
  for (const [key, values] of Object.entries(data.series)) {
    const label = pick(key.split('|'));
    if (!label) continue;
    const sum = out.get(label) ?? values.map(() => null);
    values.forEach((v, i) => { if (v !== null) sum[i] = (sum[i] ?? 0) + v; });
    out.set(label, sum);
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b));
}

const PALETTE = ['#0b5cad', '#bc4c00', '#1a7f37', '#8250df', '#b42318', '#9a6700', '#1b7c83', '#57606a'];

function fmt(v, unit) {
  if (v === null || v === undefined) return '';
  return unit === '/s' ? v.toFixed(2) : unit === 'ms' ? v.toFixed(0) : String(Math.round(v));
}

/** A chart and its table view; the table lists the latest samples that have any value, newest first. */
function chart(id, title, unit, data, series) {
  const times = data.times.map(t => new Date(t).getTime() / 1000);
  const wrapper = h('div', { class: 'chart', id: `chart-${id}` }, h('h3', {}, title));
  if (series.length === 0 || times.length === 0) {
    wrapper.append(h('p', { class: 'muted' }, times.length === 0 ? 'Collecting: the first sample comes within a minute.' : 'Nothing yet in the last hour.'));
    return wrapper;
  }
  const plot = h('div', { class: 'plot', 'aria-hidden': 'true' });
  wrapper.append(plot);
  const rows = [];
  for (let i = times.length - 1; i >= 0 && rows.length < 30; i--) {
    if (series.every(([, v]) => !v[i])) continue;
    rows.push(h('tr', {}, h('td', {}, when(data.times[i])), series.map(([, v]) => h('td', { class: 'num' }, fmt(v[i], unit)))));
  }
  const totals = unit === 'ms' ? null : h('tr', {}, h('th', { scope: 'row' }, 'Total in the window'),
    series.map(([, v]) => h('td', { class: 'num' }, fmt(v.reduce((a, b) => a + (b ?? 0), 0) * (unit === '/s' ? data.intervalSeconds : 1), ''))));
  wrapper.append(h('details', { class: 'table-view' }, h('summary', {}, `Table view: ${title}`),
    rows.length === 0 ? h('p', { class: 'muted' }, 'No values in the last hour.')
      : table(`${title} (${unit}), newest first${unit === '/s' ? '; totals are messages' : ''}`, ['Time', ...series.map(([label]) => label)],
        totals ? [...rows, totals] : rows)));
  if (globalThis.uPlot) {
    requestAnimationFrame(() => {
      charts.get(id)?.destroy();
      const width = Math.max(300, plot.clientWidth || 520);
      charts.set(id, new globalThis.uPlot({
        // many lines: the legend would bury the plot; the table view names every line
        width, height: 200, legend: { show: series.length <= 6 },
        series: [{}, ...series.map(([label], i) => ({ label, stroke: PALETTE[i % PALETTE.length], width: 1.5, spanGaps: true }))],
        axes: [{}, { label: unit }],
      }, [times, ...series.map(([, v]) => v)], plot));
    });
  }
  return wrapper;
}

function chartsPanel(w) {
  return h('div', { class: 'charts' },
    chart('rate', 'Messages per second per flow', '/s', w, lines(w, ([k, flow]) => k === 'rate' && flow)),
    chart('latency', 'Delivery latency per destination, p50 and p99', 'ms',
      w, lines(w, ([k, dest]) => (k === 'p50' || k === 'p99') && `${dest} ${k}`)),
    chart('decisions', 'Privacy decisions per category', 'count', w, lines(w, ([k, , category, outcome]) => k === 'decision' && `${category} ${outcome}`)),
    chart('holds', 'Messages held by the gate per destination', 'count', w, lines(w, ([k, dest]) => k === 'held' && dest)));
}

function dpoDisclosuresPanel(w) {
  return h('div', { class: 'charts' },
    chart('disclosures', 'Disclosures per destination and category (counts, no values)', 'count',
      w, lines(w, ([k, dest, category, outcome]) => k === 'decision' && outcome !== 'dropped' && `${dest}: ${category}`)));
}

/** Requests as bars from received to due date, today marked; each system's state in words beside it. */
function dpoRightsPanel(requests) {
  const open = requests.filter(r => r.state === 'OPEN' || r.state === 'INCOMPLETE' || r.overdue);
  if (open.length === 0) return h('div', { class: 'timeline' }, h('h3', {}, 'Requests timeline'), h('p', { class: 'ok' }, 'No open data-subject requests.'));
  const now = Date.now();
  const start = Math.min(now, ...open.map(r => Date.parse(r.receivedAt)));
  const end = Math.max(now, ...open.map(r => Date.parse(r.dueAt)));
  const X0 = 180; const WIDTH = 560; const ROW = 26;
  const x = t => X0 + ((t - start) / Math.max(1, end - start)) * WIDTH;
  const bars = open.map((r, i) => s('g', {}, s('text', { x: 4, y: 30 + i * ROW + 13 }, `${r.type} ${r.id.slice(0, 8)}`),
    s('rect', { x: x(Date.parse(r.receivedAt)), y: 30 + i * ROW, height: 16, rx: 3,
      width: Math.max(2, x(Date.parse(r.dueAt)) - x(Date.parse(r.receivedAt))), fill: r.overdue ? '#fdecea' : '#e6f4ea',
      stroke: r.overdue ? '#b42318' : '#1a7f37' }),
    s('text', { x: x(Date.parse(r.dueAt)) + 4, y: 30 + i * ROW + 13 }, r.overdue ? 'overdue' : `due ${when(r.dueAt).slice(0, 10)}`)));
  const svg = s('svg', { viewBox: `0 0 ${X0 + WIDTH + 90} ${40 + open.length * ROW}`, 'aria-hidden': 'true' },
    s('line', { x1: x(now), x2: x(now), y1: 20, y2: 30 + open.length * ROW, stroke: '#0b5cad', 'stroke-dasharray': '3 3' }),
    s('text', { x: x(now) - 12, y: 14, fill: '#0b5cad' }, 'now'), bars);
  return h('div', { class: 'timeline' }, h('h3', {}, `Requests timeline (${open.length} open)`), svg,
    table('Open requests with due dates and each system\'s state', ['Request', 'Type', 'Received', 'Due', 'Per system'],
      open.map(r => h('tr', { class: r.overdue ? 'bad' : '' }, h('td', {}, h('code', {}, r.id)), h('td', {}, r.type),
        h('td', {}, when(r.receivedAt)), h('td', {}, when(r.dueAt), r.overdue ? ' (overdue)' : ''),
        h('td', {}, (r.tasks ?? []).map(t => `${t.system}: ${t.state}`).join('; '))))));
}

/** Parked past the retention age, grouped by place and reason: counts and dates, no message ids, no values. */
function dpoExpiredPanel(expired) {
  const total = expired.reduce((a, e) => a + e.count, 0);
  return h('div', { id: 'dpo-expired' }, h('h3', {}, `Expired holds awaiting a decision (${total})`),
    expired.length === 0 ? h('p', { class: 'ok' }, 'None: no parked message is past the retention age.')
      : h('div', {}, h('p', { class: 'bad' }, `${total} parked message(s) past the retention age: the retention run keeps `
          + 'them until an operator releases, replays or discards each one with a reason.'),
        table('Parked past the retention age, by place and reason', ['Flow', 'Destination', 'Kind', 'Reason', 'Messages', 'Oldest', 'Newest'],
          expired.map(e => h('tr', {}, h('td', {}, e.flow), h('td', {}, e.destination ?? '(before the fan-out)'),
            h('td', {}, e.kind === 'hold' ? 'held' : 'dead letter'), h('td', {}, e.reason ?? ''), h('td', { class: 'num' }, e.count),
            h('td', {}, when(e.oldest)), h('td', {}, when(e.newest)))))));
}

async function panel(name, load, build) {
  try {
    render(name, await load(), build);
  } catch (e) {
    render(name, { error: e.message }, d => h('p', { class: 'bad' }, `Could not load: ${d.error}`));
  }
}

let flowsCache = [];
let expiredCache = null;
let seriesCache = null;

/**
 * The series window, asking the hub only for the samples taken since the last one we have (a few hundred bytes
 * instead of the whole hour): appended, a key new to us padded before, one the new samples lack padded after (0 for
 * counts, gaps for latencies, as the hub does), and cut to the hub's capacity.
 */
async function seriesWindow() {
  const last = seriesCache?.times.at(-1);
  const fresh = await get(last ? `/console/series?after=${encodeURIComponent(last)}` : '/console/series');
  if (!seriesCache) {
    seriesCache = fresh;
    return seriesCache;
  }
  const gap = key => (key.startsWith('p50|') || key.startsWith('p99|') ? null : 0);
  const before = seriesCache.times.length;
  const added = fresh.times.length;
  const series = {};
  for (const key of new Set([...Object.keys(seriesCache.series), ...Object.keys(fresh.series)])) {
    series[key] = [...(seriesCache.series[key] ?? Array(before).fill(gap(key))), ...(fresh.series[key] ?? Array(added).fill(gap(key)))];
  }
  const times = [...seriesCache.times, ...fresh.times];
  const drop = Math.max(0, times.length - fresh.capacity);
  for (const key of Object.keys(series)) series[key] = series[key].slice(drop);
  seriesCache = { ...fresh, times: times.slice(drop), series };
  return seriesCache;
}

// Polling stays light: one request chain at a time, every POLL_MS while the tab is visible and none while it is
// hidden; what moves slowly is asked for less often (the series sample every 10 s, the register and policy change on
// reload, the metrics scrape is large), and held and dead-lettered lists only for the queues that have any, at most
// LIST_LIMIT entries each.
const POLL_MS = 2000;
const SLOW_EVERY = 5;
const RARE_EVERY = 15;
const LIST_LIMIT = 50;
let polls = 0;

/** Parked messages past the retention age (operators only: the operations API); null for a DPO alone. */
async function expiredParkings(slow) {
  if (!session.roles.includes('OPERATOR')) return null;
  if (slow || expiredCache === null) expiredCache = await get('/api/v1/operations/parked/expired');
  return expiredCache;
}

/** @param force everything now (after an action), else what is due in this poll */
async function refresh(force = false) {
  const dpo = session.roles.includes('DPO');
  const operator = session.roles.includes('OPERATOR');
  const poll = polls++;
  const slow = force || poll % SLOW_EVERY === 0;
  const rare = force || poll % RARE_EVERY === 0;
  await panel('map', () => get('/console/map'), mapPanel);
  if (slow) {
    const series = await seriesWindow();
    await panel('charts', async () => series, chartsPanel);
    if (dpo) await panel('dpo-disclosures', async () => series, dpoDisclosuresPanel);
    if (dpo) await panel('dpo-rights', () => get('/api/v1/rights/requests?limit=50'), dpoRightsPanel);
    // the retention age is counted in days: looked at with the series, not on every poll
    if (dpo) await panel('dpo-expired', () => get('/console/expired'), dpoExpiredPanel);
  }
  await panel('flows', async () => (flowsCache = await get('/console/flows')), flowsPanel);
  const expired = await expiredParkings(slow);
  await Promise.all([
    // the whole scrape (about 100 KB): every 30 s, or every 10 s while its list is open
    rare || (slow && document.querySelector('[data-panel=metrics] details[open]')) ? panel('metrics', async () => operator ? get('/actuator/prometheus', 'text/plain') : null,
      t => t === null && !operator ? h('span') : metricsPanel(t)) : null,
    panel('holds', async () => ({
      expired,
      holds: await Promise.all(flowsCache.flatMap(f => f.destinations.map(async d => ({
        flow: f.id, destination: d.id, count: d.held,
        held: d.held > 0 ? await get(`/api/v1/holds/${f.id}/${d.id}?limit=${LIST_LIMIT}`) ?? [] : [],
      })))),
    }), holdsPanel),
    panel('dead-letters', async () => ({
      expired,
      lists: await Promise.all(flowsCache.map(async f => ({
        flow: f.id, count: f.deadLettered,
        messages: !operator ? null : f.deadLettered > 0 ? await get(`/api/v1/operations/dead-letters/${f.id}?limit=${LIST_LIMIT}`) : [],
      }))),
    }), deadLettersPanel),
    panel('connections', async () => ({ flows: flowsCache, machines: await get('/api/v1/machines') }), connectionsPanel),
    rare ? panel('register', async () => ({
      processors: await get('/api/v1/privacy/processors'), destinations: await get('/api/v1/privacy/destinations'),
    }), registerPanel) : null,
    rare ? panel('policy', async () => ({ policy: await get('/api/v1/privacy/policy'), chain: await get('/api/v1/audit/verify') }), policyPanel) : null,
    // the policy's decisions per destination change on reload; the DPO's recent disclosures more often
    rare || (slow && dpo) ? panel('decisions', async () => ({
      destinations: await get('/api/v1/privacy/destinations'),
      disclosures: dpo ? await get('/api/v1/audit/disclosures?limit=20') : null,
    }), decisionsPanel) : null,
    dpo && slow ? panel('rights', async () => ({
      overdue: await get('/api/v1/rights/requests?overdue=true&limit=50'), recent: await get('/api/v1/rights/requests?limit=50'),
    }), rightsPanel) : null,
  ]);
}

let timer = null;
let running = false;
let again = null;

/** One poll, then the next one POLL_MS after it ended (never two at once); none while the tab is hidden. */
async function tick(force = false) {
  clearTimeout(timer);
  timer = null;
  if (running) {
    again = again || force; // an action during a poll: one more, right after it
    return;
  }
  running = true;
  try {
    await refresh(force);
  } catch (e) {
    say(`Update failed: ${e.message}`, true);
  } finally {
    running = false;
  }
  if (again !== null) {
    const forced = again;
    again = null;
    await tick(forced);
  } else if (!document.hidden) {
    timer = setTimeout(() => tick(), POLL_MS);
  }
  document.body.dataset.polling = timer === null ? 'paused' : 'on';
}

async function start() {
  session = await get('/console/session');
  document.getElementById('who').textContent = `Signed in as ${session.user} (${session.roles.join(', ')})`;
  document.getElementById('signout-csrf').value = session.csrfToken;
  if (session.roles.includes('DPO')) document.querySelectorAll('.dpo-only').forEach(e => { e.hidden = false; });
  await refresh(true);
  document.body.dataset.loaded = 'true';
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) {
      clearTimeout(timer);
      timer = null;
      if (!running) document.body.dataset.polling = 'paused';
    } else {
      tick(true);
    }
  });
  timer = setTimeout(() => tick(), POLL_MS);
  document.body.dataset.polling = 'on';
}

start().catch(e => say(`Console could not start: ${e.message}`, true));

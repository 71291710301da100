'use strict';
// Renders the monitoring JSON as text nodes only: nothing from a record ever becomes markup.

const TIME = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit'
});

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

function time(iso) {
  return iso ? TIME.format(new Date(iso)) + ' JST' : '—';
}

function millis(ms) {
  return ms === null || ms === undefined ? '—' : (ms < 1000 ? Math.round(ms) + ' ms' : (ms / 1000).toFixed(2) + ' s');
}

async function api(path) {
  // from the origin, not relative to the page: a page opened as http://user:pass@host/ may not fetch
  // URLs carrying those credentials; the browser sends its cached login to the origin by itself
  const response = await fetch(window.location.origin + path, { headers: { Accept: 'application/json' } });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch (e) {
    body = { message: 'HTTP ' + response.status + ' from ' + path };
  }
  if (!response.ok) {
    const error = new Error(body.message || ('HTTP ' + response.status));
    error.problem = body;
    error.status = response.status;
    throw error;
  }
  return body;
}

function setState(section, state) {
  document.getElementById(section).dataset.state = state;
}

function fillTable(section, rows, toCells, rowClass) {
  const root = document.getElementById(section);
  const body = root.querySelector('tbody');
  body.replaceChildren();
  for (const row of rows) {
    const tr = el('tr', null, rowClass ? rowClass(row) : null);
    for (const cell of toCells(row)) {
      if (cell instanceof Node) {
        const td = el('td');
        td.appendChild(cell);
        tr.appendChild(td);
      } else {
        tr.appendChild(typeof cell === 'number' ? el('td', cell.toLocaleString('en-US'), 'num') : el('td', cell));
      }
    }
    body.appendChild(tr);
  }
  root.querySelector('.empty').hidden = rows.length > 0;
}

function renderOverview(o) {
  const cards = document.querySelector('#overview .cards');
  cards.replaceChildren();
  const entries = [
    ['requested', '照会 Requested', o.requested.toLocaleString('en-US')],
    ['answered', '提供 Answered', o.answered.toLocaleString('en-US')],
    ['pending', '応答待ち Pending', o.pending.toLocaleString('en-US')],
    ['denied', '拒否 Denied', o.denied.toLocaleString('en-US')],
    ['rejected', '不正メッセージ Rejected messages', o.rejectedMessages.toLocaleString('en-US')],
    ['replica-alerts', '登録期限の警告 Replica alerts', o.replicaAlerts.toLocaleString('en-US')],
    ['p50', '応答時間 p50 Answer time', millis(o.answerP50Millis)],
    ['p99', '応答時間 p99', millis(o.answerP99Millis)],
    ['oldest-pending', '最古の応答待ち Oldest pending', time(o.oldestPendingRequestedAt)]
  ];
  for (const [key, label, value] of entries) {
    const card = el('div');
    card.dataset.key = key;
    card.appendChild(el('dt', label));
    card.appendChild(el('dd', value));
    cards.appendChild(card);
  }
  const list = (m) => Object.entries(m).map(([k, v]) => k + ' ' + v.toLocaleString('en-US')).join(', ') || '—';
  document.getElementById('outcomes').textContent = '結果 Outcomes: ' + list(o.outcomes);
  document.getElementById('reasons').textContent = '拒否理由 Denial reasons: ' + list(o.denialReasons);
}

function linkageButtons(ids) {
  const span = el('span');
  for (const id of ids) {
    const b = el('button', id, 'linkage');
    b.type = 'button';
    b.addEventListener('click', () => {
      document.getElementById('linkage-id').value = id;
      lookUp(id);
    });
    span.appendChild(b);
  }
  return span;
}

function renderFindings(f) {
  document.querySelector('#findings .rules').textContent = 'Rules: denied queries; one person asked about ≥ '
    + f.repeatedPersonThreshold + ' times for one item; queries on closed days or outside ' + f.officeHours
    + '; replicas past their registration deadline.';
  fillTable('findings', f.findings, (x) => [x.rule, x.severity,
    x.querier === null ? x.provider : x.querier + ' → ' + x.provider, x.procedure === null ? '—' : x.procedure, x.item,
    x.count, time(x.first), time(x.last), x.detail, linkageButtons(x.linkageIds)], (x) => x.severity);
}

function renderFlows(flows) {
  fillTable('flows', flows, (x) => [x.querier, x.provider, x.procedure, x.item, x.requested, x.answered, x.denied,
    x.pending]);
}

function renderAlerts(groups) {
  fillTable('alerts', groups, (x) => [x.agency, x.item, x.kind, x.count, time(x.earliestDeadline), time(x.lastRaised),
    x.latestDetail]);
}

function renderRejections(groups) {
  fillTable('rejections', groups, (x) => [x.sender, x.field, x.rule, x.count, time(x.last), x.latestMessage]);
}

async function load(section, path, render) {
  setState(section, 'loading');
  try {
    render(await api(path));
    setState(section, 'ready');
  } catch (e) {
    setState(section, 'error');
    showError(e.message);
  }
}

function showError(message) {
  const p = document.getElementById('error');
  p.textContent = message;
  p.hidden = false;
}

async function loadAll() {
  document.getElementById('error').hidden = true;
  const hours = encodeURIComponent(document.getElementById('period').value);
  const query = '?hours=' + hours;
  await Promise.all([
    load('overview', '/api/overview' + query, renderOverview),
    load('findings', '/api/findings' + query, renderFindings),
    load('flows', '/api/flows' + query, renderFlows),
    load('rejections', '/api/rejections' + query, renderRejections),
    load('alerts', '/api/replica-alerts' + query, renderAlerts)
  ]);
  document.getElementById('as-of').textContent = 'as of ' + time(new Date().toISOString());
}

const RECORD_FIELDS = [
  ['linkageId', 'Linkage id'], ['status', '状態 Status'], ['querier', '照会機関 Querier'],
  ['provider', '提供機関 Provider'], ['procedure', '事務 Procedure'], ['item', '特定個人情報 Item'],
  ['reason', '拒否理由 Reason'], ['tableVersion', '別表版 Table version'], ['rowId', '別表の行 Row'],
  ['requestedAt', '照会日時 Requested'], ['answeredAt', '提供日時 Answered'], ['outcome', '結果 Outcome'],
  ['payloadDigest', '提供データのSHA-256 Payload digest']
];

async function lookUp(id) {
  const record = document.getElementById('record');
  const error = document.getElementById('record-error');
  setState('lookup', 'loading');
  record.hidden = true;
  error.hidden = true;
  try {
    const r = await api('/api/records/' + encodeURIComponent(id));
    record.replaceChildren();
    for (const [key, label] of RECORD_FIELDS) {
      const value = key.endsWith('At') ? time(r[key]) : (r[key] === null ? '—' : r[key]);
      const dt = el('dt', label);
      const dd = el('dd', value);
      dd.dataset.key = key;
      record.appendChild(dt);
      record.appendChild(dd);
    }
    record.hidden = false;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
  setState('lookup', 'ready');
}

async function verifyChain() {
  const result = document.getElementById('chain-result');
  setState('chain', 'loading');
  result.textContent = '検証中… verifying';
  result.className = '';
  try {
    const c = await api('/api/chain');
    result.textContent = c.intact
      ? 'Intact: ' + c.entries.toLocaleString('en-US') + ' entries of chain ' + c.chain + ' verify from genesis to head (checked ' + time(c.checkedAt) + ').'
      : 'BROKEN: ' + c.firstBreak + ' (chain ' + c.chain + ', checked ' + time(c.checkedAt) + ').';
    result.className = c.intact ? 'intact' : 'broken';
  } catch (e) {
    result.textContent = e.message;
    result.className = 'broken';
  }
  setState('chain', 'ready');
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadAll();
  });
  document.getElementById('period').addEventListener('change', () => loadAll());
  document.getElementById('lookup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    lookUp(document.getElementById('linkage-id').value.trim());
  });
  document.getElementById('verify-chain').addEventListener('click', verifyChain);
  loadAll();
});

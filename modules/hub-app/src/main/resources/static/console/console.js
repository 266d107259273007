// LGSP Hub operator console. Plain JavaScript, no libraries, no CDN: it must work on a closed provincial network.
// Everything shown comes from the operator API (/api/v1/ops/**) and /actuator/prometheus, called with the key the
// operator typed in, kept in this tab's sessionStorage only. Text from the hub is always inserted as text, never as
// HTML.
'use strict';

const KEY = 'lgsp-hub-operator-key';
const REFRESH_MS = 5000;
const FLOWS = ['dossier-sync', 'online-intake', 'document-exchange', 'citizen-identity', 'security'];
const STATES = ['ACCEPTED', 'IN_PROGRESS', 'RETRYING', 'HELD', 'DELIVERED', 'FAILED', 'DISCARDED'];
const $ = (selector) => document.querySelector(selector);

let timer = null;
let previous = null; // the last scrape's counters and when, for rates
let shownExchange = null;

// ------------------------------------------------------------------------------------------------------ calling

class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
    this.status = status;
    this.code = problem && problem.code;
  }
}

async function call(method, path, body) {
  const headers = { 'X-API-Key': sessionStorage.getItem(KEY) || '' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store'
  });
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    if (response.status === 401) {
      logout('Your key is no longer accepted; log in again.');
    }
    throw new ApiError(response.status, typeof payload === 'object' ? payload : null);
  }
  return payload;
}

// -------------------------------------------------------------------------------------------- drawing helpers

function cell(row, value, className) {
  const td = row.insertCell();
  td.textContent = value === null || value === undefined ? '' : String(value);
  if (className) {
    td.className = className;
  }
  return td;
}

function stateCell(row, state) {
  return cell(row, state, 'state state-' + state);
}

function clear(selector) {
  const body = $(selector + ' tbody');
  body.replaceChildren();
  return body;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function say(text, isError) {
  const message = $('#message');
  message.textContent = text;
  message.className = isError ? 'error' : '';
}

// ------------------------------------------------------------------------------------------------- the metrics

// Prometheus text format: name{label="value",...} number
function parseMetrics(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) {
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) {
      continue;
    }
    const labels = {};
    for (const pair of (match[3] || '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]] = pair[2];
    }
    samples.push({ name: match[1], labels, value: Number(match[4]) });
  }
  return samples;
}

// a gauge the hub cannot read right now (a queue it cannot see) is NaN: left out of sums
function sum(samples, name, flow, keep) {
  return samples.filter((s) => s.name === name && (!flow || s.labels.flow === flow) && Number.isFinite(s.value)
    && (!keep || keep(s))).reduce((total, s) => total + s.value, 0);
}

function perMinute(now, flow, name) {
  if (!previous) {
    return '';
  }
  const minutes = (now.at - previous.at) / 60000;
  const delta = sum(now.samples, name, flow) - sum(previous.samples, name, flow);
  return minutes > 0 ? Math.max(0, delta / minutes).toFixed(1) : '';
}

async function drawMetrics() {
  const now = { at: Date.now(), samples: parseMetrics(await call('GET', '/actuator/prometheus')) };
  const flows = clear('#flows');
  for (const flow of FLOWS.filter((f) => f !== 'security')) {
    const row = flows.insertRow();
    cell(row, flow);
    cell(row, perMinute(now, flow, 'hub_exchanges_accepted_total'));
    cell(row, perMinute(now, flow, 'hub_exchanges_delivered_total'));
    cell(row, perMinute(now, flow, 'hub_exchanges_failed_total'));
    cell(row, sum(now.samples, 'hub_queue_depth', flow, (s) => s.labels.queue !== 'dead_letter'));
    cell(row, sum(now.samples, 'hub_exchanges_dead_lettered', flow));
  }
  const breakers = clear('#breakers');
  for (const s of now.samples.filter((x) => x.name === 'hub_breaker_state' && x.value === 1)) {
    const row = breakers.insertRow();
    cell(row, s.labels.connector);
    cell(row, s.labels.operation);
    stateCell(row, (s.labels.state || '').toUpperCase());
    const rate = now.samples.find((x) => x.name === 'hub_breaker_failure_rate_percent'
      && x.labels.connector === s.labels.connector && x.labels.operation === s.labels.operation);
    cell(row, rate && rate.value >= 0 ? rate.value.toFixed(0) + ' %' : '');
  }
  previous = now;
}

async function drawRoutes() {
  const body = clear('#routes');
  for (const route of await call('GET', '/api/v1/ops/routes')) {
    const row = body.insertRow();
    cell(row, route.id, 'id');
    // a polling route another instance leads is stopped here on purpose: shown as standby, not as a fault
    stateCell(row, route.leadership === 'standby' ? 'Standby' : route.status);
    cell(row, route.exchangesTotal);
    cell(row, route.exchangesFailed);
    cell(row, route.exchangesInflight);
  }
}

// ------------------------------------------------------------------------------------ dead letters, exchanges

async function drawDeadLetters() {
  const page = await call('GET', '/api/v1/ops/dead-letters?limit=100');
  const body = clear('#dead-letters');
  for (const x of page.items) {
    const row = body.insertRow();
    row.dataset.id = x.exchangeId;
    const pick = document.createElement('input');
    pick.type = 'checkbox';
    pick.className = 'pick';
    pick.value = x.exchangeId;
    row.insertCell().append(pick);
    cell(row, x.exchangeId, 'id');
    cell(row, x.flow);
    cell(row, x.clientId);
    cell(row, x.subject);
    cell(row, [x.lastErrorCode, x.lastError].filter(Boolean).join(': '));
    cell(row, time(x.updatedAt));
    const actions = row.insertCell();
    actions.append(button('Replay', 'replay', () => replay([x.exchangeId])),
      button('Discard', 'discard', () => discard(x.exchangeId)), button('Timeline', 'show', () => show(x.exchangeId)));
  }
}

function button(label, className, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = className;
  b.addEventListener('click', onClick);
  return b;
}

async function replay(ids) {
  if (ids.length === 0) {
    say('Select the dead letters to replay first.', true);
    return;
  }
  const reason = $('#reason').value.trim();
  try {
    const result = await call('POST', '/api/v1/ops/dead-letters/replay', reason ? { ids, reason } : { ids });
    const refused = result.results.filter((r) => r.outcome !== 'REPLAYED' && r.outcome !== 'WAITING');
    say('Replayed ' + result.replayed + (refused.length ? '; not replayed: '
      + refused.map((r) => r.exchangeId + ' (' + r.outcome + (r.detail ? ': ' + r.detail : '') + ')').join(', ') : ''),
      refused.length > 0);
  } catch (e) {
    say('Replay refused: ' + e.message, true);
  }
  await refresh();
}

async function discard(id) {
  const reason = $('#reason').value.trim();
  if (!reason) {
    say('Give a reason before discarding: it is recorded with your name.', true);
    $('#reason').focus();
    return;
  }
  try {
    await call('POST', '/api/v1/ops/dead-letters/' + encodeURIComponent(id) + '/discard', { reason });
    say('Discarded ' + id);
  } catch (e) {
    say('Discard refused: ' + e.message, true);
  }
  await refresh();
}

async function drawExchanges() {
  const query = new URLSearchParams({ limit: '30' });
  if ($('#search-flow').value) {
    query.set('flow', $('#search-flow').value);
  }
  if ($('#search-state').value) {
    query.set('state', $('#search-state').value);
  }
  if ($('#search-dossier').value.trim()) {
    query.set('dossierCode', $('#search-dossier').value.trim());
  }
  const page = await call('GET', '/api/v1/ops/exchanges?' + query);
  const body = clear('#exchanges');
  for (const x of page.items) {
    const row = body.insertRow();
    row.dataset.id = x.exchangeId;
    row.className = 'clickable' + (x.exchangeId === shownExchange ? ' selected' : '');
    row.addEventListener('click', () => show(x.exchangeId));
    cell(row, x.exchangeId, 'id');
    cell(row, x.flow);
    cell(row, x.operation);
    cell(row, x.clientId);
    cell(row, x.subject);
    stateCell(row, x.state);
    cell(row, x.attempts);
    cell(row, time(x.acceptedAt));
  }
}

async function show(id) {
  shownExchange = id;
  await drawTimeline();
}

async function drawTimeline() {
  if (!shownExchange) {
    return;
  }
  const x = await call('GET', '/api/v1/ops/exchanges/' + encodeURIComponent(shownExchange));
  $('#timeline').hidden = false;
  $('#timeline-id').textContent = x.exchangeId;
  const state = $('#timeline-state');
  state.textContent = x.state;
  state.className = 'state state-' + x.state;
  const body = clear('#timeline');
  for (const step of x.timeline) {
    const row = body.insertRow();
    cell(row, time(step.at));
    cell(row, step.step);
    cell(row, step.attempt);
    cell(row, step.outcome);
    cell(row, step.durationMs);
    cell(row, step.errorCode);
    cell(row, step.detail);
  }
}

// --------------------------------------------------------------------------------------------- session, refresh

async function refresh() {
  try {
    await Promise.all([drawMetrics(), drawRoutes(), drawDeadLetters(), drawExchanges(), drawTimeline()]);
    $('#refreshed').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    if (e.status !== 401) {
      say('Could not refresh: ' + e.message, true);
    }
  }
}

async function login(event) {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('#login-key').value);
  try {
    // any operator-only read proves the key is an operator's
    await call('GET', '/api/v1/ops/exchanges?limit=1');
  } catch (e) {
    sessionStorage.removeItem(KEY);
    $('#login-error').textContent = e.status === 403 ? 'This key is not an operator\'s key.'
      : e.status === 401 ? 'This key is not valid.' : 'The hub did not answer: ' + e.message;
    return;
  }
  start();
}

function start() {
  $('#login').hidden = true;
  $('#app').hidden = false;
  $('#session').hidden = false;
  $('#login-error').textContent = '';
  refresh();
  timer = setInterval(refresh, REFRESH_MS);
}

function logout(reason) {
  sessionStorage.removeItem(KEY);
  clearInterval(timer);
  previous = null;
  $('#app').hidden = true;
  $('#session').hidden = true;
  $('#login').hidden = false;
  $('#login-key').value = '';
  $('#login-error').textContent = typeof reason === 'string' ? reason : '';
}

function fill(select, values) {
  for (const v of values) {
    const option = document.createElement('option');
    option.value = v;
    option.textContent = v;
    select.append(option);
  }
}

fill($('#search-flow'), FLOWS);
fill($('#search-state'), STATES);
$('#login-form').addEventListener('submit', login);
$('#logout').addEventListener('click', () => logout());
$('#search').addEventListener('submit', (e) => { e.preventDefault(); drawExchanges().catch((x) => say(x.message, true)); });
$('#replay-selected').addEventListener('click',
  () => replay([...document.querySelectorAll('#dead-letters .pick:checked')].map((c) => c.value)));
if (sessionStorage.getItem(KEY)) {
  start();
}

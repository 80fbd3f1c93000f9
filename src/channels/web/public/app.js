// Web chat client: plain DOM, no external code. Text from the server is always set as textContent.
const labels = {
  nl: { you: 'Jij', bot: 'Wegwijzer', sources: 'Bronnen', useful: 'Was dit antwoord nuttig?', up: '👍 Ja', down: '👎 Nee',
        thanks: 'Bedankt voor je feedback.', busy: 'Wegwijzer zoekt in de documenten…', done: 'Antwoord ontvangen.',
        showSource: (n) => `Bron ${n} tonen`, open: 'Open het document', failed: 'Er ging iets mis. Probeer het opnieuw.' },
  en: { you: 'You', bot: 'Wegwijzer', sources: 'Sources', useful: 'Was this answer useful?', up: '👍 Yes', down: '👎 No',
        thanks: 'Thank you for your feedback.', busy: 'Wegwijzer is searching the documents…', done: 'Answer received.',
        showSource: (n) => `Show source ${n}`, open: 'Open the document', failed: 'Something went wrong. Please try again.' },
};

const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('question');
const status = document.getElementById('status');
const history = [];
let clientId = localStorage.getItem('wegwijzer-client');
if (!clientId) {
  clientId = 'web:' + (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
  localStorage.setItem('wegwijzer-client', clientId);
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function citationLine(c) {
  const parts = [c.title, c.date, c.section || null, c.page != null ? `p. ${c.page}` : null].filter(Boolean);
  return `[${c.n}] ${parts.join(' · ')}`;
}

/** Answer text with its [n] markers turned into buttons that open the cited passage. */
function answerText(text, idPrefix, lang) {
  const p = el('p', { class: 'text' });
  const re = /\[(\d+)\]/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    p.append(text.slice(last, m.index));
    const n = m[1];
    p.append(el('button', { type: 'button', class: 'cite', 'aria-label': labels[lang].showSource(n), 'data-n': n, text: `[${n}]`,
      onclick: () => openSource(`${idPrefix}-${n}`) }));
    last = m.index + m[0].length;
  }
  p.append(text.slice(last));
  return p;
}

/** The cited passage, with the sentence that carries the answer marked when it is known. */
function passage(text, quote) {
  const q = el('blockquote');
  const at = quote ? text.indexOf(quote) : -1;
  if (at < 0) {
    q.textContent = text;
    return q;
  }
  q.append(text.slice(0, at), el('mark', { text: quote }), text.slice(at + quote.length));
  return q;
}

function openSource(id) {
  const details = document.getElementById(id);
  if (!details) return;
  details.open = true;
  details.querySelector('summary').focus();
}

function feedbackBar(answerId, lang) {
  const L = labels[lang];
  const bar = el('div', { class: 'feedback' }, el('span', { text: L.useful }));
  const note = el('span', { class: 'thanks', 'aria-live': 'polite' });
  for (const rating of ['up', 'down']) {
    const b = el('button', { type: 'button', 'aria-pressed': 'false', 'data-rating': rating, text: L[rating] });
    b.addEventListener('click', async () => {
      const r = await fetch('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answerId, rating, clientId }) });
      if (!r.ok) { note.textContent = L.failed; return; }
      for (const other of bar.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === b));
      note.textContent = L.thanks;
    });
    bar.append(b);
  }
  bar.append(note);
  return bar;
}

function addUser(text, lang) {
  log.append(el('div', { class: 'msg user' }, el('p', { class: 'who', text: labels[lang].you }), el('p', { class: 'text', text })));
}

function addReply(reply) {
  const lang = reply.language === 'en' ? 'en' : 'nl';
  const L = labels[lang];
  const msg = el('article', { class: `msg bot ${reply.kind}`, tabindex: '-1', 'data-kind': reply.kind }, el('p', { class: 'who', text: L.bot }));
  if (reply.kind === 'answer') {
    const a = reply.answer;
    const prefix = `src-${reply.answerId}`;
    msg.append(answerText(a.text, prefix, lang));
    if (a.note) msg.append(el('p', { class: 'note', text: a.note }));
    if (a.citations.length) {
      const list = el('ol', { class: 'sources', 'aria-label': L.sources }, el('h3', { text: L.sources }));
      for (const c of a.citations) {
        const quote = passage(c.text, c.quote);
        const details = el('details', { id: `${prefix}-${c.n}`, class: 'source', 'data-n': String(c.n) }, el('summary', { text: citationLine(c) }), quote);
        if (c.source && /^https?:\/\//.test(c.source)) details.append(el('a', { href: c.source, target: '_blank', rel: 'noopener', text: L.open }));
        list.append(el('li', {}, details));
      }
      msg.append(list);
    }
    msg.append(feedbackBar(reply.answerId, lang));
  } else {
    msg.append(el('p', { class: 'text', text: reply.text }));
  }
  log.append(msg);
  return msg;
}

async function ask(question) {
  const guess = /\b(the|what|which|when|how|does|is there)\b/i.test(question) ? 'en' : 'nl';
  addUser(question, guess);
  status.textContent = labels[guess].busy;
  form.setAttribute('aria-busy', 'true');
  try {
    const r = await fetch('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question, history: history.slice(-10), clientId }) });
    const reply = await r.json();
    if (!r.ok) {
      log.append(el('div', { class: 'msg error', role: 'alert' }, el('p', { class: 'text', text: reply.text || reply.error || labels[guess].failed })));
      status.textContent = '';
      return;
    }
    addReply(reply);
    history.push({ role: 'user', text: question }, { role: 'assistant', text: reply.kind === 'answer' ? reply.answer.text : reply.text });
    status.textContent = labels[reply.language === 'en' ? 'en' : 'nl'].done;
  } catch {
    log.append(el('div', { class: 'msg error', role: 'alert' }, el('p', { class: 'text', text: labels[guess].failed })));
    status.textContent = '';
  } finally {
    form.removeAttribute('aria-busy');
    input.focus();
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (form.getAttribute('aria-busy') === 'true') return;
  const question = input.value.trim();
  if (!question) return;
  input.value = '';
  ask(question);
});

input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    form.requestSubmit();
  }
});

document.getElementById('reset').addEventListener('click', () => {
  history.length = 0;
  log.replaceChildren();
  welcome();
  input.focus();
});

async function welcome() {
  try {
    // Dutch by default: the users are Dutch civil servants, whatever language their browser has.
    const r = await fetch('/api/welcome?lang=nl');
    if (r.ok) addReply(await r.json());
  } catch { /* the chat works without the introduction */ }
}

// Milestones tab: the timeline from GET /api/milestones, per month, overdue ones marked.
const timelineLabels = {
  nl: { summary: (t) => `${t.openCount} open, waarvan ${t.overdueCount} verlopen · stand van ${t.today}`, empty: 'Er staan geen open of recent afgeronde mijlpalen.',
        overdue: 'verlopen', done: 'afgerond', proposed: 'voorstel', owner: 'eigenaar', source: 'bron', unavailable: 'Mijlpalen zijn hier niet beschikbaar.', loading: 'Mijlpalen laden…' },
  en: { summary: (t) => `${t.openCount} open, ${t.overdueCount} overdue · as of ${t.today}`, empty: 'There are no open or recently finished milestones.',
        overdue: 'overdue', done: 'done', proposed: 'proposed', owner: 'owner', source: 'source', unavailable: 'Milestones are not available here.', loading: 'Loading milestones…' },
};
const tabs = [...document.querySelectorAll('[role="tab"]')];
const timelineBox = document.getElementById('timeline');
const timelineSummary = document.getElementById('timeline-summary');

function timelineItem(item, T) {
  const cls = ['item', item.overdue ? 'overdue' : '', item.status === 'done' ? 'done' : ''].filter(Boolean).join(' ');
  const mark = item.status === 'done' ? '✅' : item.overdue ? '⚠️' : '•';
  const badge = item.status === 'done' ? T.done : item.overdue ? T.overdue : item.state === 'proposed' ? T.proposed : '';
  const meta = [item.owner ? `${T.owner}: ${item.owner}` : null, item.id, item.source ? `${T.source}: ${item.source}` : null].filter(Boolean).join(' · ');
  return el('li', { class: cls, 'data-id': item.id },
    el('span', { 'aria-hidden': 'true', text: `${mark} ` }),
    el('span', { class: 'title', text: item.title }),
    el('div', { class: 'due' }, item.dueLabel, badge ? el('span', { class: 'badge', text: badge }) : null),
    el('div', { class: 'meta', text: meta }));
}

async function loadTimeline() {
  const T = timelineLabels.nl;
  timelineSummary.textContent = T.loading;
  try {
    const r = await fetch('/api/milestones?lang=nl');
    if (!r.ok) { timelineSummary.textContent = T.unavailable; timelineBox.replaceChildren(); return; }
    const tl = await r.json();
    const lang = tl.language === 'en' ? 'en' : 'nl';
    const L = timelineLabels[lang];
    const today = new Date(`${tl.today}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    timelineSummary.textContent = L.summary({ ...tl, today });
    if (!tl.months.length) { timelineBox.replaceChildren(el('p', { text: L.empty })); return; }
    timelineBox.replaceChildren(...tl.months.map((m) =>
      el('section', { class: 'month', 'data-month': m.month, 'aria-label': m.label }, el('h3', { text: m.label }), el('ul', {}, ...m.items.map((i) => timelineItem(i, L))))));
  } catch {
    timelineSummary.textContent = T.unavailable;
  }
}

function selectTab(tab, focus = true) {
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
  }
  if (focus) tab.focus();
  if (tab.id === 'tab-milestones') loadTimeline();
}

for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab));
  // Arrow keys move between tabs, Home/End jump (the usual tablist keyboard pattern).
  tab.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(tab);
    const next = { ArrowRight: tabs[(i + 1) % tabs.length], ArrowLeft: tabs[(i - 1 + tabs.length) % tabs.length], Home: tabs[0], End: tabs[tabs.length - 1] }[e.key];
    if (next) { e.preventDefault(); selectTab(next); }
  });
}
document.getElementById('timeline-refresh').addEventListener('click', loadTimeline);

welcome();
input.focus();

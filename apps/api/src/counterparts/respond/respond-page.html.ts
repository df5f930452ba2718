import { CounterpartRequestState, LinkRefusal, SharedFile } from '@liaison/counterparts';
import { formatTime, MESSAGES, PageLanguage } from './respond-page.messages';

/**
 * The counterpart's page, rendered on the server: plain HTML forms that work without JavaScript
 * (the CSP allows no inline script and none is needed), every value escaped.
 */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body{font-family:"Pretendard","Noto Sans KR",system-ui,sans-serif;max-width:44rem;margin:2rem auto;
padding:0 1rem;color:#1d1d1d;line-height:1.6}
header{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2px solid #0b50d0}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin-top:2rem}
dt{font-weight:700;margin-top:.75rem}dd{margin:0;white-space:pre-wrap}
label{display:block;font-weight:700;margin-top:1rem}textarea{width:100%;min-height:10rem;font:inherit}
.hint{color:#555;font-size:.9rem}.error{border:2px solid #c0262d;padding:.5rem 1rem;background:#fdf1f1}
button{margin-top:1rem;padding:.5rem 1.25rem;font:inherit;background:#0b50d0;color:#fff;border:0;
border-radius:4px;cursor:pointer}button.secondary{background:#fff;color:#0b50d0;border:1px solid #0b50d0}
.check{display:flex;gap:.5rem;align-items:center;font-weight:400}code{word-break:break-all}`;

function layout(lang: PageLanguage, title: string, switchHref: string | undefined, body: string) {
  const m = MESSAGES[lang];
  const other: PageLanguage = lang === 'ko' ? 'en' : 'ko';
  const switcher = switchHref
    ? `<a href="${escapeHtml(switchHref)}" hreflang="${other}" lang="${other}">${m.switchTo}</a>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} · Liaison</title>
<style>${STYLE}</style>
</head>
<body>
<header><span>Liaison</span><nav>${switcher}</nav></header>
<main>
${body}
</main>
</body>
</html>`;
}

export interface FormProblem {
  field: 'text' | 'files' | 'form';
  message: string;
}

export function requestPage(opts: {
  lang: PageLanguage;
  token: string;
  state: CounterpartRequestState;
  /** The requesting agency as the page names it. */
  requester: string;
  problem?: FormProblem;
  text?: string;
}): string {
  const { lang, token, state, problem } = opts;
  const m = MESSAGES[lang];
  const action = `/respond/${encodeURIComponent(token)}`;
  const error = problem
    ? `<div class="error" role="alert" id="form-error"><h2>${m.errorHeading}</h2><p>` +
      `<strong>${escapeHtml(problem.field)}</strong>: ${escapeHtml(problem.message)}</p></div>`
    : '';
  const ack = state.acknowledged
    ? `<p>${m.acknowledged}</p>`
    : `<form method="post" action="${action}/acknowledge?lang=${lang}" enctype="multipart/form-data">
<p class="hint">${m.acknowledgeHint}</p>
<button type="submit" class="secondary">${m.acknowledge}</button>
</form>`;
  const invalid = (field: FormProblem['field']) =>
    problem?.field === field ? ' aria-invalid="true" aria-describedby="form-error"' : '';
  const body = `
<h1>${escapeHtml(m.from(opts.requester))}</h1>
${error}
<dl>
<dt>${m.subject}</dt><dd>${escapeHtml(state.subject ?? '')}</dd>
${state.message ? `<dt>${m.message}</dt><dd>${escapeHtml(state.message)}</dd>` : ''}
${state.dueAt ? `<dt>${m.due}</dt><dd><time datetime="${state.dueAt}">${escapeHtml(formatTime(state.dueAt, lang))}</time></dd>` : ''}
${state.answers.length ? `<dt>${m.answersSoFar(state.answers.length)}</dt>` : ''}
</dl>
${ack}
<h2>${m.answerHeading}</h2>
<form method="post" action="${action}?lang=${lang}" enctype="multipart/form-data">
<input type="hidden" name="lang" value="${lang}">
<label for="text">${m.text}</label>
<textarea id="text" name="text"${invalid('text')}>${escapeHtml(opts.text ?? '')}</textarea>
<label for="files">${m.files}</label>
<input type="file" id="files" name="files" multiple${invalid('files')}>
<p class="hint">${m.filesHint}</p>
<label class="check"><input type="checkbox" name="complete" value="yes"> ${m.complete}</label>
<p class="hint">${m.onceNote}</p>
<button type="submit">${m.submit}</button>
</form>`;
  return layout(lang, m.title, `${action}?lang=${lang === 'ko' ? 'en' : 'ko'}`, body);
}

export function thanksPage(opts: {
  lang: PageLanguage;
  at: string;
  files: readonly SharedFile[];
  complete: boolean;
}): string {
  const m = MESSAGES[opts.lang];
  const files = opts.files.length
    ? `<h2>${m.receivedFiles}</h2><ul>${opts.files
        .map(
          (f) =>
            `<li>${escapeHtml(f.name)} — ${m.bytes(f.size)}<br><span class="hint">SHA-256 <code>${f.sha256}</code></span></li>`,
        )
        .join('')}</ul>`
    : '';
  const body = `<h1>${m.thanks}</h1>
<p>${escapeHtml(m.receivedAt(formatTime(opts.at, opts.lang)))}</p>
${files}
${opts.complete ? '' : `<p>${m.partialNote}</p>`}`;
  return layout(opts.lang, m.title, undefined, body);
}

export function acknowledgedPage(lang: PageLanguage, token: string): string {
  const m = MESSAGES[lang];
  const back = `/respond/${encodeURIComponent(token)}?lang=${lang}`;
  return layout(
    lang,
    m.title,
    undefined,
    `<h1>${m.acknowledged}</h1><p><a href="${escapeHtml(back)}">${m.answerHeading}</a></p>`,
  );
}

/** Says why, in words its holder may know; nothing about the request behind the link. */
export function refusedPage(lang: PageLanguage, reason: LinkRefusal, token?: string): string {
  const m = MESSAGES[lang];
  const other = lang === 'ko' ? 'en' : 'ko';
  const switchHref = token ? `/respond/${encodeURIComponent(token)}?lang=${other}` : undefined;
  return layout(lang, m.title, switchHref, `<h1>${m.refused[reason]}</h1><p>${m.refusedHint}</p>`);
}

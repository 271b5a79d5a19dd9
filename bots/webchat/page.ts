// Placeholder until the web chat page lands.
export function renderChatPage(opts: { demo: boolean }): string {
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Pháo Đài</title><body data-demo="${opts.demo}"></body></html>`;
}

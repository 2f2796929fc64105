/**
 * A stand-in for OUR server in web component tests: fixed JSON answers per "METHOD /path".
 * The real server is tested through HTTP in src/server; here we only check what a page shows for
 * a given answer. A request with no answer fails the test loudly instead of hanging a spinner.
 */
export type Answer = unknown | ((request: { url: URL; body: unknown }) => { status: number; body: unknown });

export interface ApiStub {
  /** Every request the page made, "METHOD /path?query", in order. */
  calls: string[];
  /** Requests that had no answer; a test that expects none asserts this is empty. */
  unanswered: string[];
  restore: () => void;
}

export function stubApi(answers: Record<string, Answer>): ApiStub {
  const original = globalThis.fetch;
  const stub: ApiStub = {
    calls: [],
    unanswered: [],
    restore: () => {
      globalThis.fetch = original;
    },
  };
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://127.0.0.1/');
    const method = init?.method ?? 'GET';
    const key = `${method} ${url.pathname}`;
    stub.calls.push(`${key}${url.search}`);
    const answer = answers[key];
    if (answer === undefined) {
      stub.unanswered.push(key);
      return json(404, { error: { code: 'test.unanswered', message: `no stub for ${key}`, messageEn: `no stub for ${key}` } });
    }
    if (typeof answer === 'function') {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const reply = answer({ url, body });
      return json(reply.status, reply.body);
    }
    return json(200, answer);
  };
  return stub;
}

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

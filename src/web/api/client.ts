/**
 * The one way the web UI talks to the server: JSON over fetch with the session cookie, Accept-Language
 * from the UI language, and every non-2xx answer turned into an ApiError carrying the server's
 * {code, message, issues, details} so callers can branch on stable codes, never on message text.
 */
import { getLocale } from '../i18n/locale';

export interface ApiIssue {
  field: string;
  message: string;
  /** Message key the server used (e.g. `field.duplicate`); beyond the contract, so optional. */
  key?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

interface Handlers {
  unauthorized: (err: ApiError) => void;
  error: (text: string) => void;
}

// Registered by the React shell: navigation and antd's message API live inside React context.
const handlers: Handlers = {
  unauthorized: () => {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`/login?next=${encodeURIComponent(next)}`);
  },
  error: (text) => console.error(text),
};

export function setApiHandlers(h: Partial<Handlers>): void {
  Object.assign(handlers, h);
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Login and the initial "who am I" call expect 401 and must not bounce to /login. */
  skipAuthRedirect?: boolean;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: { code?: string; message?: string; issues?: ApiIssue[]; details?: unknown } = {};
  try {
    body = await res.json();
  } catch {
    // Proxies and crashes answer with HTML or nothing; keep the status line.
  }
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText, body.issues ?? [], body.details);
}

/** 401 answers that reject a credential in the request body rather than the session itself. */
const notSessionLoss = new Set(['INVALID_CREDENTIALS', 'TOTP_REQUIRED', 'TOTP_INVALID']);

export async function rawRequest(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': getLocale(), Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  if (res.ok) return res;
  const err = await toApiError(res);
  if (res.status === 401 && !opts.skipAuthRedirect && !notSessionLoss.has(err.code)) handlers.unauthorized(err);
  throw err;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await rawRequest(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: RequestOptions) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, file: File, field = 'file') => {
    const fd = new FormData();
    fd.append(field, file);
    return request<T>('POST', path, { body: fd });
  },
};

/** Fetches a file (xlsx, csv) and saves it, so auth errors surface as messages instead of a JSON page. */
export async function downloadFile(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  const res = await rawRequest('GET', path, { query });
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Shows an error the caller did not handle itself; 401 is already handled by the redirect. */
export function showError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401) return;
  handlers.error(err instanceof Error ? err.message : String(err));
}

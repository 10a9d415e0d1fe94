import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SERVER = path.resolve('node_modules/yaml-language-server/bin/yaml-language-server');

export interface EditorDiagnostic {
  /** 1-based, as isms counts. */
  line: number;
  message: string;
}

/** The YAML settings of an editor that validates and fetches nothing (no schema store). */
const SETTINGS = { validate: true, hover: false, completion: false, schemaStore: { enable: false }, schemas: {} };

/**
 * yaml-language-server (the YAML support of VS Code, Neovim, Helix and others) over stdio, driven as
 * an editor drives it: initialize, open files with their text, read the diagnostics it publishes.
 */
export class YamlLanguageServer {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly replies = new Map<number, (result: unknown) => void>();
  private readonly published = new Map<string, EditorDiagnostic[]>();
  private readonly waiting = new Map<string, Array<(diagnostics: EditorDiagnostic[]) => void>>();

  constructor() {
    this.server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '' } });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.resume();
  }

  async start(rootFolder: string): Promise<void> {
    await this.request('initialize', { processId: process.pid, rootUri: pathToFileURL(rootFolder).href, capabilities: { workspace: { configuration: true } } });
    this.send({ method: 'initialized', params: {} });
    this.send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml: SETTINGS } } });
  }

  /** Opens a file (its text as given, at its path: modelines resolve from there) and waits for its diagnostics. */
  diagnose(file: string, text: string, timeoutMs = 20_000): Promise<EditorDiagnostic[]> {
    const uri = pathToFileURL(file).href;
    const result = new Promise<EditorDiagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`yaml-language-server published no diagnostics for ${file} in ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), (diagnostics) => (clearTimeout(timer), resolve(diagnostics))]);
    });
    this.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
    return result;
  }

  stop(): void {
    this.server.kill();
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.replies.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  private send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as { id?: number; method?: string; params?: any; result?: unknown };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: { id?: number; method?: string; params?: any; result?: unknown }): void {
    if (message.id !== undefined && message.method) {
      // The server asks for settings (and registers capabilities): the same settings for every section.
      const result = message.method === 'workspace/configuration' ? (message.params.items as unknown[]).map(() => SETTINGS) : null;
      this.send({ id: message.id, result });
    } else if (message.id !== undefined) {
      this.replies.get(message.id)?.(message.result);
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const diagnostics = (message.params.diagnostics as Array<{ range: { start: { line: number } }; message: string }>).map((d) => ({ line: d.range.start.line + 1, message: d.message }));
      this.published.set(message.params.uri, diagnostics);
      const waiters = this.waiting.get(message.params.uri) ?? [];
      this.waiting.delete(message.params.uri);
      for (const waiter of waiters) waiter(diagnostics);
    }
  }
}

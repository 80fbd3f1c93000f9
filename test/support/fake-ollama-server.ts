// A stand-in for Ollama on 127.0.0.1: POST /api/chat answering in newline-delimited JSON (streamed)
// or one JSON object, with scripted replies. Tests reach it through the real ChatOllama client (baseUrl).
import { sleep, splitPieces, startScriptedServer, type FakeChatServer, type ScriptedReply } from './fake-openai-server.js';

export type { FakeChatServer, ScriptedReply };

export async function startFakeOllamaServer(...replies: ScriptedReply[]): Promise<FakeChatServer> {
  const server = await startScriptedServer('/api/chat', async (reply, req, res) => {
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: reply.message ?? 'scripted failure' }));
      return;
    }
    if (!('content' in reply)) return;
    if (reply.delayMs) await sleep(reply.delayMs);
    const model = req.body.model ?? 'fake';
    const line = (content: string, done: boolean) =>
      JSON.stringify({
        model,
        created_at: new Date().toISOString(),
        message: { role: 'assistant', content },
        done,
        ...(done ? { done_reason: 'stop', total_duration: 1000, prompt_eval_count: 10, eval_count: 10 } : {}),
      }) + '\n';
    if (req.body.stream === false) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(line(reply.content, true));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    for (const piece of reply.pieces ?? splitPieces(reply.content)) {
      if (reply.pieceDelayMs) await sleep(reply.pieceDelayMs);
      res.write(line(piece, false));
    }
    res.end(line('', true));
  });
  server.script(...replies);
  return server;
}

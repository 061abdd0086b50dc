// A tiny static server for dist/ (or the folder given as the first argument) on
// 127.0.0.1. PORT from the environment (default 8080; 0 = any free port). Prints the URL.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = await realpath(resolve(process.argv[2] || join(here, '..', 'dist')));
const port = Number(process.env.PORT ?? 8080);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// The real path of a file inside root for a URL path, or null (outside root, missing, a NUL).
async function locate(urlPath) {
  let rel;
  try { rel = decodeURIComponent(urlPath); } catch { return null; }
  if (rel.includes('\0')) return null;
  let file = resolve(root, '.' + (rel.startsWith('/') ? rel : '/' + rel));
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    file = await realpath(file); // symlinks resolved before the containment check
  } catch { return null; }
  return file.startsWith(root + sep) && (await stat(file)).isFile() ? file : null;
}

const server = createServer(async (req, res) => {
  const send = (code, text) => res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8' }).end(text + '\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
  const file = await locate(new URL(req.url, 'http://x').pathname);
  if (!file) return send(404, 'not found');
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}/`);
});

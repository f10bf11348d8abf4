// A static file server that behaves like a regency's web host: the build
// folder mounted under a sub-path, pre-compressed .br/.gz files served when
// the browser accepts them, and 404.html for unknown addresses. Only on
// 127.0.0.1. Tests may override a file's bytes to simulate a new deploy.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

async function exists(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves each `mounts` entry `{ prefix: "/pandu/", root: "/abs/dist" }`.
 * Returns `{ origin, url(path), override(prefix, file, body), breakOff(pattern),
 * mend(), requests, close() }`.
 */
export async function startServer(mounts, port = 0) {
  const overrides = new Map();
  const broken = [];
  const requests = [];
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    const mount = sorted.find((m) => url.pathname.startsWith(m.prefix));
    if (!mount) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(mount.prefix.length)) || "index.html";
    if (rel.endsWith("/")) rel += "index.html";
    const file = normalize(join(mount.root, rel));
    if (!file.startsWith(mount.root)) {
      res.writeHead(403).end();
      return;
    }
    const headers = {
      "content-type": TYPES[extname(file)] || "application/octet-stream",
      "cache-control": /-[0-9a-f]{8,}(_bg)?\.(js|wasm)$/.test(file)
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      vary: "Accept-Encoding",
    };
    const key = mount.prefix + rel;
    // A dropped connection, as a flaky network gives one.
    if (broken.some((b) => b.test(key))) {
      req.socket.destroy();
      return;
    }
    if (overrides.has(key)) {
      res.writeHead(200, headers).end(overrides.get(key));
      return;
    }
    const accept = String(req.headers["accept-encoding"] || "");
    // A file as the host sends it: compressed when the browser takes it.
    const send = async (status, path, head) => {
      for (const [enc, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
        if (accept.includes(enc) && (await exists(path + ext))) {
          res.writeHead(status, { ...head, "content-encoding": enc });
          res.end(await readFile(path + ext));
          return;
        }
      }
      res.writeHead(status, head).end(await readFile(path));
    };
    if (!(await exists(file))) {
      // Unknown addresses get 404.html, compressed like any page (nginx's
      // error_page with gzip_static, Apache's ErrorDocument, GitHub Pages).
      const page = join(mount.root, "404.html");
      const head = { ...headers, "content-type": TYPES[".html"] };
      if (await exists(page)) await send(404, page, head);
      else res.writeHead(404, head).end("not found");
      return;
    }
    await send(200, file, headers);
  });

  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    url: (path) => origin + path,
    override: (prefix, file, body) => overrides.set(prefix + file, body),
    /** Drops the connection for every address matching `pattern` until `mend()`. */
    breakOff: (pattern) => broken.push(pattern),
    mend: () => broken.splice(0),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// `node server.mjs DIR PREFIX [PORT]` serves one folder by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root, prefix = "/", port = "8081"] = process.argv.slice(2);
  const s = await startServer([{ root: normalize(root), prefix }], Number(port));
  console.log(`serving ${root} at ${s.url(prefix)}`);
}
